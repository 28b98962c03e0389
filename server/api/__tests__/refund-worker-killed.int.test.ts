/**
 * Issue 8's second reliability bar: the worker process is killed (SIGKILL, a real process exit)
 * while the gateway has paid and before the worker has recorded the answer. The sandbox's
 * `timeout` fault pays at once and holds its answer, so the worker is provably inside the call
 * when it dies; notifications are held back, so only the restarted worker's reconciler can
 * finish the refund — and the sandbox's ledger still shows one payout.
 */
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { orders, refunds } from "../../../db/schema";
import type { GatewayChannel } from "../../payments/refund-gateway";
import { createTestDatabase } from "../../test/db";
import { firstRefundNo } from "../../test/exactly-once";
import { pollUntil } from "../../test/poll";
import { executeRefund, refundsSettled, startRefundWorld, type RefundWorld } from "../../test/refund-flow";
import { waitingRequests } from "../../test/refund-storm";

const database = await createTestDatabase();
const { db } = database;
const worlds: RefundWorld[] = [];
afterAll(async () => {
  for (const w of worlds) await w.stop();
});

// WeChat Pay's sandbox pays on arrival and then holds the answer (Alipay's pays only once the
// client hangs up), so the ledger shows the payout while the worker still waits for its answer.
describe.each<GatewayChannel>(["wechat_pay"])("the worker killed inside a %s refund call", (gateway) => {
  it("after a restart the reconciler finishes the refund; the sandbox paid once", async () => {
    // The worker waits for the gateway far longer than the test takes to kill it.
    const world = await startRefundWorld(database, gateway, { workerEnv: { WECHATPAY_TIMEOUT_MS: "60000", ALIPAY_TIMEOUT_MS: "60000" } });
    worlds.push(world);
    world.relay.hold = true;
    const [req] = await waitingRequests(db, 1, gateway);
    const no = firstRefundNo(req!.rmaNo);
    await world.flow.sandbox.arm({ mode: "timeout", outRefundNo: no, delaySeconds: 60 });
    const fin = await world.flow.finance();

    await executeRefund(fin.caller, req!, (await req!.read()).version);
    await pollUntil("the sandbox paid", async () => (await world.flow.sandbox.ledger()).find((e) => e.outRefundNo === no && e.status === "SUCCESS"));
    const victim = world.worker();
    await victim.kill("SIGKILL");

    expect(await victim.exited).toBeNull(); // no exit code: killed by the signal, no clean-up ran
    const [unrecorded] = await db.select().from(refunds).where(eq(refunds.outRefundNo, no));
    expect(unrecorded!.status).not.toBe("succeeded");

    await world.restartWorker();
    await refundsSettled(db, [req!.requestId]);

    const rows = await db.select().from(refunds).where(eq(refunds.requestId, req!.requestId));
    expect(rows.map((r) => [r.outRefundNo, r.status])).toEqual([[no, "succeeded"]]);
    const ledger = (await world.flow.sandbox.ledger()).filter((e) => e.outRefundNo.startsWith(`RF${req!.rmaNo}-`));
    expect(ledger.map((e) => [e.outRefundNo, e.status, e.amountFen])).toEqual([[no, "SUCCESS", req!.amountFen]]);
    const [order] = await db.select().from(orders).where(eq(orders.id, req!.made.order.id));
    expect(order!.refundedFen).toBe(req!.amountFen);
    expect((await req!.read()).status).toBe("completed");
    // Nothing reached the app but through the reconciler.
    expect(world.relay.received.every((n) => n.status === null)).toBe(true);
  }, 120_000);
});
