/**
 * What one notification attempt costs us on this machine, against local receivers: a signed
 * webhook POST (HMAC + HTTP) to an in-process node:http receiver, a WeCom robot message to the
 * robot sandbox process, and an Aliyun SendSms (signed by the official SDK) to the SMS sandbox
 * process. The worker's own database work per delivery is two short statements (read, record).
 * Run: npx tsx scripts/bench/notifications.ts
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { envFrom } from "../../server/env";
import { sendWebhook } from "../../server/notifications/channels/webhook";
import { sendWecom } from "../../server/notifications/channels/wecom";
import { smsSetupFromEnv } from "../../server/sms/from-env";
import { spawnSmsSandbox } from "../sandboxes/spawn-aliyun-sms";
import { spawnWecomSandbox } from "../sandboxes/spawn-wecom-robot";

const RUNS = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const ms = (n: number) => `${n.toFixed(2)} ms`;
function report(name: string, times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  console.log(`${name.padEnd(34)} median ${ms(percentile(s, 50))}  p95 ${ms(percentile(s, 95))}  max ${ms(s[s.length - 1]!)}`);
}

async function timed(runs: number, one: (i: number) => Promise<{ ok: boolean }>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = await one(i);
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(`attempt ${i} failed`);
  }
  return times;
}

const receiver = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(204);
    res.end();
  });
});
await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
const [sms, wecom] = await Promise.all([spawnSmsSandbox(), spawnWecomSandbox()]);
try {
  const body = JSON.stringify({ deliveryId: "bench", eventId: 1, requestId: "r", rmaNo: "RMA20261130BENCH001", action: "submit", fromStatus: null, toStatus: "pending_cs_review", at: new Date().toISOString(), actor: { type: "customer", role: "customer" } });
  report("webhook (sign + POST, 204)", await timed(RUNS, (i) => sendWebhook({ url: hookUrl, secret: "whsec_bench" }, { deliveryId: `d-${i}`, action: "submit", body }, { timeoutMs: 5000 })));
  report("WeCom robot (sandbox process)", await timed(RUNS, (i) => sendWecom(wecom.robotUrl("test-bench"), { deliveryId: `w-${i}`, markdown: "**新任务：RMA20261130BENCH001**\n> 待客服审核" }, { timeoutMs: 5000 })));
  const sender = smsSetupFromEnv(envFrom(sms.env))!.sender;
  const code = sms.env.SMS_TEMPLATE_SUBMITTED!;
  report("Aliyun SendSms (SDK, sandbox)", await timed(RUNS, async (i) => {
    await sender.send({ phone: `139${String(i).padStart(8, "0")}`, templateCode: code, params: { rma: "RMA20261130BENCH001" }, outId: `s-${i}` });
    return { ok: true };
  }));
} finally {
  await Promise.all([sms.stop(), wecom.stop()]);
  receiver.close();
}
