/**
 * What WeChat Pay refunds cost us, against the sandbox started as its own process: one signed
 * refund call round trip (sign, HTTP, verify), one query, and one notification verified and
 * decrypted by parseNotification — WeChat wants its answer within 5 s and we must never be close.
 * Run: npx tsx scripts/bench/wechat-pay.ts
 */
import { performance } from "node:perf_hooks";
import { envFrom } from "../../server/env";
import { wechatPayFromEnv } from "../../server/payments/wechat-pay/from-env";
import { spawnWechatPaySandbox } from "../sandboxes/spawn-wechat-pay";

const RUNS = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const ms = (n: number) => `${n.toFixed(2)} ms`;
function report(name: string, times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  console.log(`${name.padEnd(34)} median ${ms(percentile(s, 50))}  p95 ${ms(percentile(s, 95))}  max ${ms(s[s.length - 1]!)}`);
}

const sandbox = await spawnWechatPaySandbox();
try {
  const gw = wechatPayFromEnv(envFrom(sandbox.env))!;
  const start: number[] = [];
  const query: number[] = [];
  const notify: number[] = [];
  const numbers: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = { outRefundNo: `RFBENCH${Date.now()}-${i}`, orderNo: `SOBENCH${Date.now()}${i}`, gatewayTxnId: null, amountFen: 100, totalPaidFen: 100, reason: "bench", notifyUrl: "http://127.0.0.1:9/notify" };
    let t0 = performance.now();
    const a = await gw.start(r);
    start.push(performance.now() - t0);
    if (a.state !== "succeeded") throw new Error(`unexpected ${a.state}`);
    t0 = performance.now();
    await gw.query({ outRefundNo: r.outRefundNo, orderNo: r.orderNo, gatewayTxnId: null });
    query.push(performance.now() - t0);
    numbers.push(r.outRefundNo);
  }
  for (const no of numbers.slice(0, 50)) {
    const n = await sandbox.signedNotification(no);
    const t0 = performance.now();
    const parsed = await gw.parseNotification({ headers: n.headers, rawBody: n.body });
    notify.push(performance.now() - t0);
    if (!parsed.ok) throw new Error(parsed.why);
  }
  console.log(`WeChat Pay adapter against the sandbox process (${RUNS} refunds, ${notify.length} notifications), node ${process.version}`);
  report("start (sign + HTTP + verify)", start);
  report("query (sign + HTTP + verify)", query);
  report("parseNotification (verify+decrypt)", notify);
} finally {
  await sandbox.stop();
}
