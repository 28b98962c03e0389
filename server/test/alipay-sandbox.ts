import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { spawnAlipaySandbox, type SpawnedAlipaySandbox } from "../../scripts/sandboxes/spawn-alipay";
import { AlipayRefundGateway } from "../payments/alipay/adapter";
import type { ParsedNotification, RefundGateway } from "../payments/refund-gateway";

/** Tests: the Alipay sandbox as its own process, and the real adapter pointed at it (the adapter's client timeout in ms). */
export async function sandboxAndGateway(timeoutMs = 5000): Promise<{ sandbox: SpawnedAlipaySandbox; gateway: AlipayRefundGateway }> {
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

export interface NotifyReceiver {
  url: string;
  /** Every notification that arrived, with what the adapter made of it. */
  received: { rawBody: string; parsed: ParsedNotification }[];
  close(): Promise<void>;
}

/** Our side of Alipay's notifications in a test: the raw form body goes to the adapter's parseNotification, its reply goes back. */
export async function notifyReceiver(gateway: RefundGateway): Promise<NotifyReceiver> {
  const received: NotifyReceiver["received"] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
      void gateway.parseNotification({ headers, rawBody }).then((parsed) => {
        received.push({ rawBody, parsed });
        res.writeHead(parsed.reply.status, { "content-type": parsed.reply.contentType });
        res.end(parsed.reply.body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/payments/alipay/notify`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls until `check` returns something truthy (a sandbox acts asynchronously), or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false> | T | undefined | null | false, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error("the condition did not hold in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}
