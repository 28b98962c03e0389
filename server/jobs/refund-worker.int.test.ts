/**
 * The refund flow's mechanics against the real database and the real job queue, with an in-test
 * gateway double (the wire protocols are tested against the sandbox processes): the record and
 * its job are one transaction; the worker pays with the stored number; answers are recorded once;
 * CLOSED means a new number on retry; the reconciler finishes what the worker never got to.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { orders, refunds, returnEvents } from "../../db/schema";
import { GatewayRegistry } from "../payments/registry";
import { recordGatewayAnswer } from "../services/refunds/record-answer";
import { createTestDatabase } from "../test/db";
import { makeOrder, runRefundJobs, staffCaller, submitFor, testJobs, unverifiableHistories } from "../test/fixtures";
import { TestGateway } from "../test/test-gateway";
import type { JobSender } from "./boss";
import { bossOver } from "./boss";
import { QUEUES } from "./queues";
import { startRefundWorker } from "./refund-worker";

const { db, url, appUrl } = await createTestDatabase();

/** A refund-only request approved by customer service, waiting for finance. */
async function pendingRefund(priceFen = 80_00) {
  const made = await makeOrder(db, [{ priceFen }]);
  const s = await submitFor(db, made, "refund_only");
  const cs = await staffCaller(db, "customer_service");
  await cs.caller.staff.approve({ requestId: s.res.id, version: (await s.read()).version });
  return { made, ...s };
}

async function refundFinance(s: Awaited<ReturnType<typeof pendingRefund>>, gateways: GatewayRegistry) {
  const fin = await staffCaller(db, "finance", { gateways });
  return fin.caller.staff.refund({ requestId: s.res.id, version: (await s.read()).version });
}

const refundedFen = async (orderId: string) => (await db.select().from(orders).where(eq(orders.id, orderId)))[0]!.refundedFen;
const refundRows = (requestId: string) => db.select().from(refunds).where(eq(refunds.requestId, requestId)).orderBy(refunds.createdAt);
async function queuedFor(refundId: string): Promise<number> {
  const rows = await db.$client<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${QUEUES.refundExecute} AND data->>'refundId' = ${refundId}`;
  return rows[0]!.n;
}

describe("executing a refund", () => {
  it("writes the record, reserves the amount and queues the gateway call, and calls no gateway in the request", async () => {
    const s = await pendingRefund();
    const gateway = new TestGateway();
    const result = await refundFinance(s, new GatewayRegistry([gateway]));
    expect(gateway.starts).toHaveLength(0);
    expect((await s.read()).status).toBe("refunding");
    const [row] = await refundRows(s.res.id);
    expect(row).toMatchObject({ id: result.refundId, status: "pending", outRefundNo: `RF${s.res.rmaNo}-1`, channel: "alipay", kind: "goods", amountFen: 80_00, attempts: 0 });
    expect(row!.nextCheckAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await refundedFen(s.made.order.id)).toBe(80_00);
    expect(await queuedFor(result.refundId!)).toBe(1);
  });

  it("is all or nothing: a failure after the job was queued leaves no record, no reservation and no job", async () => {
    const s = await pendingRefund();
    const jobs = testJobs(db);
    let queuedId: string | null = null;
    const failing: JobSender = {
      send: async (tx, queue, data, options) => {
        queuedId = await jobs.send(tx, queue, data, options);
        throw new Error("the process dies right after queueing");
      },
      stop: () => jobs.stop(),
    };
    const fin = await staffCaller(db, "finance");
    const { actOnRequest } = await import("../services/act-on-request");
    await expect(
      actOnRequest(db, { type: "staff", id: fin.staff.id, role: "finance" }, { requestId: s.res.id, action: "refund", refunding: { gateways: new GatewayRegistry([new TestGateway()]), jobs: failing } }),
    ).rejects.toThrow();
    expect(queuedId).not.toBeNull();
    const [job] = await db.$client`SELECT id FROM pgboss.job WHERE id = ${queuedId!}`;
    expect(job).toBeUndefined();
    expect(await refundRows(s.res.id)).toEqual([]);
    expect(await refundedFen(s.made.order.id)).toBe(0);
    expect((await s.read()).status).toBe("pending_refund");
  });
});

describe("the worker process's refund worker", () => {
  it("takes the queued job, pays with the stored number and records the final state", async () => {
    const s = await pendingRefund(55_00);
    const gateway = new TestGateway();
    const gateways = new GatewayRegistry([gateway]);
    const stop = await startRefundWorker(url, { db, gateways, notifyBaseUrl: "http://127.0.0.1:9" }, { pollingIntervalSeconds: 0.5, reconcileEveryMs: 60_000 });
    try {
      await refundFinance(s, gateways);
      for (let i = 0; i < 100 && (await s.read()).status !== "completed"; i++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await stop();
    }
    const r = await s.read();
    expect(r.status).toBe("completed");
    expect(r.timeline.map((e) => e.action).slice(-2)).toEqual(["refund", "refund_succeeded"]);
    // (Jobs queued by the tests above run too: this worker pays every refund it finds queued.)
    const ours = gateway.starts.filter((x) => x.outRefundNo.startsWith(`RF${s.res.rmaNo}-`));
    expect(ours.map((x) => x.outRefundNo)).toEqual([`RF${s.res.rmaNo}-1`]);
    expect(ours[0]!.notifyUrl).toBe("http://127.0.0.1:9/api/payments/alipay/notify");
    const [row] = await refundRows(s.res.id);
    expect(row).toMatchObject({ status: "succeeded", gatewayRefundId: `TRF${s.res.rmaNo}-1`, attempts: 1, nextCheckAt: null });
    expect(row!.succeededAt).not.toBeNull();
    expect(row!.lastAnswer).toMatchObject({ state: "succeeded" });
  });
});

describe("the worker as the app role", () => {
  it("starts with the every-minute reconcile cron and stops, without any right beyond rows (the owner installed the queue)", async () => {
    const app = createDb(appUrl, { max: 4 });
    try {
      const stop = await startRefundWorker(appUrl, { db: app.db, gateways: new GatewayRegistry([]), notifyBaseUrl: "http://127.0.0.1:9" }, {});
      const [schedule] = await app.sql<{ cron: string }[]>`SELECT cron FROM pgboss.schedule WHERE name = ${QUEUES.refundReconcile}`;
      expect(schedule?.cron).toBe("* * * * *");
      await stop();
    } finally {
      await app.sql.end();
    }
  });
});

describe("recording the gateway's answers", () => {
  it("a duplicate or late answer changes nothing: one event, one reservation", async () => {
    const s = await pendingRefund(30_00);
    const gateways = new GatewayRegistry([new TestGateway()]);
    const { refundId } = await refundFinance(s, gateways);
    const paid = { state: "succeeded" as const, gatewayRefundId: "G-1", amountFen: 30_00, succeededAt: null };
    expect(await recordGatewayAnswer(db, refundId!, paid, { call: false })).toEqual({ effect: "succeed", status: "succeeded" });
    const again = await Promise.all([
      recordGatewayAnswer(db, refundId!, paid, { call: false }),
      recordGatewayAnswer(db, refundId!, { state: "closed", code: "CLOSED" }, { call: false }),
      recordGatewayAnswer(db, refundId!, { state: "processing" }, { call: true }),
    ]);
    expect(again.map((a) => a?.effect)).toEqual(["ignore", "ignore", "ignore"]);
    const events = await db.select().from(returnEvents).where(eq(returnEvents.requestId, s.res.id));
    expect(events.filter((e) => e.action === "refund_succeeded")).toHaveLength(1);
    expect(await refundedFen(s.made.order.id)).toBe(30_00);
    expect((await refundRows(s.res.id))[0]).toMatchObject({ status: "succeeded", attempts: 0 });
  });

  it("CLOSED releases the reservation exactly once, and the retry gets a new number that names the old one", async () => {
    const s = await pendingRefund(40_00);
    const gateway = new TestGateway();
    gateway.startAnswers.push({ state: "closed", code: "CLOSED", message: "退款关闭" });
    const gateways = new GatewayRegistry([gateway]);
    const first = await refundFinance(s, gateways);
    await runRefundJobs(db, gateways);
    await Promise.all([1, 2, 3].map(() => recordGatewayAnswer(db, first.refundId!, { state: "closed" }, { call: false })));
    expect((await s.read()).status).toBe("pending_refund");
    expect(await refundedFen(s.made.order.id)).toBe(0);

    const second = await refundFinance(s, gateways);
    await runRefundJobs(db, gateways);
    const rows = await refundRows(s.res.id);
    expect(rows.map((r) => [r.outRefundNo, r.status])).toEqual([
      [`RF${s.res.rmaNo}-1`, "closed"],
      [`RF${s.res.rmaNo}-2`, "succeeded"],
    ]);
    expect(rows[1]).toMatchObject({ id: second.refundId, replacesRefundId: first.refundId });
    expect(rows[0]!.lastAnswer).toMatchObject({ state: "closed", code: "CLOSED", message: "退款关闭" });
    expect(gateway.starts.map((x) => x.outRefundNo)).toEqual([`RF${s.res.rmaNo}-1`, `RF${s.res.rmaNo}-2`]);
    expect(await refundedFen(s.made.order.id)).toBe(40_00);
    expect((await s.read()).status).toBe("completed");
  });

  it("ABNORMAL keeps the reservation and the request refunding, recorded in the history for finance", async () => {
    const s = await pendingRefund(25_00);
    const gateway = new TestGateway();
    gateway.startAnswers.push({ state: "abnormal", code: "ABNORMAL", message: "退款到银行发现用户的卡作废或者冻结了" });
    const gateways = new GatewayRegistry([gateway]);
    await refundFinance(s, gateways);
    await runRefundJobs(db, gateways);
    const r = await s.read();
    expect(r.status).toBe("refunding");
    expect(r.timeline.at(-1)).toMatchObject({ action: "refund_abnormal" });
    expect((await refundRows(s.res.id))[0]).toMatchObject({ status: "abnormal", nextCheckAt: null });
    expect(await refundedFen(s.made.order.id)).toBe(25_00);
  });
});

describe("the reconciler", () => {
  it("finishes a refund the gateway never saw (its job lost): queries, then starts it again with the SAME number", async () => {
    const s = await pendingRefund(33_00);
    const gateway = new TestGateway();
    const gateways = new GatewayRegistry([gateway]);
    const { refundId } = await refundFinance(s, gateways);
    // The job is lost (as if the worker died with it); only the reconciler is left.
    const boss = bossOver(db.$client);
    await boss.start();
    await db.$client`DELETE FROM pgboss.job WHERE name = ${QUEUES.refundExecute} AND data->>'refundId' = ${refundId!}`;
    await boss.stop({ close: false, graceful: false });
    await runRefundJobs(db, gateways);
    expect((await s.read()).status).toBe("refunding"); // not due yet
    await runRefundJobs(db, gateways, () => new Date(Date.now() + 61_000));
    expect((await s.read()).status).toBe("completed");
    expect(gateway.queries.map((q) => q.outRefundNo)).toEqual([`RF${s.res.rmaNo}-1`]);
    expect(gateway.starts.map((q) => q.outRefundNo)).toEqual([`RF${s.res.rmaNo}-1`]);
    expect(gateway.payouts).toBe(1);
  });

  it("an answer without a final state is kept and asked again on the schedule", async () => {
    const s = await pendingRefund(12_00);
    const gateway = new TestGateway();
    gateway.startAnswers.push({ state: "processing", gatewayRefundId: "P-1", code: "PROCESSING" });
    gateway.queryAnswers.push({ state: "unknown", code: "TIMEOUT", message: "no answer" });
    const gateways = new GatewayRegistry([gateway]);
    await refundFinance(s, gateways);
    const t0 = Date.now();
    await runRefundJobs(db, gateways, () => new Date(t0));
    let [row] = await refundRows(s.res.id);
    expect(row).toMatchObject({ status: "processing", gatewayRefundId: "P-1", attempts: 1 });
    expect(row!.nextCheckAt!.getTime()).toBe(t0 + 60_000);
    await runRefundJobs(db, gateways, () => new Date(t0 + 61_000));
    [row] = await refundRows(s.res.id);
    expect(row).toMatchObject({ status: "processing", attempts: 2 });
    expect(row!.lastAnswer).toMatchObject({ state: "unknown", code: "TIMEOUT" });
    expect(row!.nextCheckAt!.getTime()).toBe(t0 + 61_000 + 5 * 60_000);
  });
});

describe("history", () => {
  it("every request here verifies, several refunds per request included", async () => {
    expect(await unverifiableHistories(db)).toEqual([]);
  });
});
