/**
 * How fast the Alipay adapter (alipay-sdk, RSA2 sign + verify) gets answers from the sandbox
 * process: what the reliability tests (N refunds × 10 concurrent calls per fault mode) can afford.
 * Each call costs the merchant's RSA2 signature, the sandbox's verification and signature, and the
 * SDK's verification of the answer.
 *
 *   npx tsx scripts/bench/alipay-sandbox.ts [--n 200] [--concurrency 10]
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { AlipayRefundGateway } from "../../server/payments/alipay/adapter";
import { spawnAlipaySandbox } from "../sandboxes/spawn-alipay";

const { values: args } = parseArgs({ options: { n: { type: "string", default: "200" }, concurrency: { type: "string", default: "10" } } });
const N = Number(args.n);
const CONCURRENCY = Number(args.concurrency);

const sandbox = await spawnAlipaySandbox();
try {
  const gateway = new AlipayRefundGateway({
    appId: sandbox.env.ALIPAY_APP_ID!,
    privateKey: sandbox.env.ALIPAY_PRIVATE_KEY!,
    alipayPublicKey: sandbox.env.ALIPAY_PUBLIC_KEY!,
    gateway: sandbox.env.ALIPAY_GATEWAY_URL!,
    timeoutMs: 10_000,
  });
  const refunds = Array.from({ length: N }, () => ({ outRefundNo: `RFBENCH${randomUUID().slice(0, 8)}-1`, orderNo: `SO${randomUUID().slice(0, 12)}`, gatewayTxnId: null }));
  const lap = async (label: string, call: (r: (typeof refunds)[number]) => Promise<unknown>, concurrency: number) => {
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < refunds.length) await call(refunds[next++]!);
      }),
    );
    const ms = performance.now() - t0;
    console.log(`${label.padEnd(34)} ${N} calls, concurrency ${String(concurrency).padStart(2)}: ${(ms / N).toFixed(1)} ms/call, ${((N / ms) * 1000).toFixed(0)} calls/s`);
  };
  const start = (r: (typeof refunds)[number]) => gateway.start({ ...r, amountFen: 100, totalPaidFen: 100, reason: "bench", notifyUrl: "http://127.0.0.1:9/" });
  await lap("alipay.trade.refund (first call)", start, 1);
  await lap("alipay.trade.refund (retry)", start, CONCURRENCY);
  await lap("alipay.trade.fastpay.refund.query", (r) => gateway.query(r), CONCURRENCY);
  const ledger = await sandbox.ledger();
  console.log(`ledger: ${ledger.length} payouts, ${ledger.filter((e) => e.requests !== 2).length} asked other than twice`);
} finally {
  await sandbox.stop();
}
