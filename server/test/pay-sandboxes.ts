import { spawnAlipaySandbox, type SpawnedAlipaySandbox } from "../../scripts/sandboxes/spawn-alipay";
import { spawnWechatPaySandbox, type SpawnedWechatPaySandbox } from "../../scripts/sandboxes/spawn-wechat-pay";
import type { GatewayChannel } from "../payments/refund-gateway";
import { paySandboxControl, type PaySandboxControl } from "./pay-sandbox";

export interface RunningPaySandbox {
  gateway: GatewayChannel;
  /** The app's env lines for this gateway (base URL, keys), as the sandbox printed them. */
  env: Record<string, string>;
  control: PaySandboxControl;
  /** The spawner's own handle (notifications sent, signed notification variants). */
  alipay?: SpawnedAlipaySandbox;
  wechatPay?: SpawnedWechatPaySandbox;
  stop(): Promise<void>;
}

/**
 * Starts the sandbox process of `gateway` through its own spawner (scripts/sandboxes/spawn-*.ts):
 * a separate OS process speaking the gateway's wire protocol, never an in-process stub.
 * Notification retries are kept short so a test waits seconds, not the gateway's minutes.
 */
export async function startPaySandbox(gateway: GatewayChannel): Promise<RunningPaySandbox> {
  if (gateway === "wechat_pay") {
    const s = await spawnWechatPaySandbox({ notifyRetryDelaysMs: [200, 500, 1000] });
    return { gateway, env: s.env, control: paySandboxControl(s.endpoint), wechatPay: s, stop: s.stop };
  }
  const s = await spawnAlipaySandbox();
  return { gateway, env: s.env, control: paySandboxControl(s.origin), alipay: s, stop: s.stop };
}
