import { randomUUID } from "node:crypto";
import { spawnAlipaySandbox, type SpawnedAlipaySandbox } from "../../scripts/sandboxes/spawn-alipay";
import { AlipayRefundGateway } from "../payments/alipay/adapter";

/** Tests: the Alipay sandbox as its own process, and the real adapter pointed at it (the adapter's client timeout in ms). */
export async function sandboxAndGateway(timeoutMs = 2000): Promise<{ sandbox: SpawnedAlipaySandbox; gateway: AlipayRefundGateway }> {
  const sandbox = await spawnAlipaySandbox();
  const gateway = new AlipayRefundGateway({
    appId: sandbox.env.ALIPAY_APP_ID!,
    privateKey: sandbox.env.ALIPAY_PRIVATE_KEY!,
    alipayPublicKey: sandbox.env.ALIPAY_PUBLIC_KEY!,
    gateway: sandbox.env.ALIPAY_GATEWAY_URL!,
    timeoutMs,
  });
  return { sandbox, gateway };
}

export function refundNo(): string {
  return `RFRMA${randomUUID().slice(0, 8).toUpperCase()}-1`;
}

export function orderNo(): string {
  return `SO${randomUUID().replaceAll("-", "").slice(0, 16)}`;
}
