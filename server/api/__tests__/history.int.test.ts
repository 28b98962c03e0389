/**
 * "Nothing edits or deletes an event": the database refuses to, and a change made anyway
 * (in memory, or by someone with the power to drop the trigger) is detected by the hash chain.
 */
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { refunds, returnEvents, returnRequests } from "../../../db/schema";
import { hashEvent, verifyChain, type ChainedEvent } from "../../domain/history";
import { loadHistory, verifyHistory } from "../../services/history-store";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, failureOf, makeOrder, staffCaller, submitFor, unverifiableHistories, runRefundJobs, testGateways } from "../../test/fixtures";

const { db, sql } = await createTestDatabase();

/** A request with a real, varied history: submit, info round trip, rejection, appeal, approval, refund. */
let requestId: string;
let eventCount: number;

beforeAll(async () => {
  const made = await makeOrder(db, [{ priceFen: 88_00, quantity: 2 }]);
  const { res, read, customer } = await submitFor(db, made, "refund_only");
  const cs = await staffCaller(db, "customer_service");
  const ops = await staffCaller(db, "operations_manager");
  const fin = await staffCaller(db, "finance");
  await cs.caller.staff.requestInfo({ requestId: res.id, version: (await read()).version, comment: "请补充照片" });
  await customer.customer.provideInfo({ requestId: res.id, version: (await read()).version, comment: "已补充" });
  await cs.caller.staff.reject({ requestId: res.id, version: (await read()).version, rejectionCode: "evidence_insufficient", comment: "仍看不清" });
  await customer.customer.appeal({ requestId: res.id, version: (await read()).version, comment: "请再看看" });
  await ops.caller.staff.approve({ requestId: res.id, version: (await read()).version });
  await fin.caller.staff.refund({ requestId: res.id, version: (await read()).version });
  await runRefundJobs(db, testGateways());
  expect((await read()).status).toBe("completed");
  // A few more requests in other states, so "every request" means something.
  for (const type of ["return_refund", "exchange"] as const) await submitFor(db, await makeOrder(db, [{ priceFen: 10_00, variants: 1 }]), type);
  const cancelled = await submitFor(db, await makeOrder(db, [{ priceFen: 10_00 }]), "refund_only");
  await cancelled.customer.customer.cancel({ requestId: cancelled.res.id, version: 1 });

  requestId = res.id;
  eventCount = (await loadHistory(db, requestId)).length;
  expect(eventCount).toBe(8);
});

describe("every request's history verifies", () => {
  it("for all requests in the database", async () => {
    expect((await db.select().from(returnRequests)).length).toBe(4);
    expect(await unverifiableHistories(db)).toEqual([]);
  });

  it("and the admin can check one through the API", async () => {
    const admin = await staffCaller(db, "admin");
    expect(await admin.caller.admin.verifyHistory({ id: requestId })).toEqual({ ok: true, count: eventCount });
  });
});

describe("the database refuses to change the history", () => {
  it("UPDATE is refused", async () => {
    await expect(sql`UPDATE return_events SET comment = '改过了' WHERE request_id = ${requestId}`).rejects.toThrow(/append-only/);
    await expect(db.update(returnEvents).set({ toStatus: "cancelled" }).where(eq(returnEvents.requestId, requestId))).rejects.toThrow();
  });

  it("DELETE is refused", async () => {
    await expect(sql`DELETE FROM return_events WHERE request_id = ${requestId}`).rejects.toThrow(/append-only/);
    await expect(db.delete(returnEvents).where(eq(returnEvents.requestId, requestId))).rejects.toThrow();
  });

  it("TRUNCATE is refused", async () => {
    // Notification deliveries point at events, so a plain TRUNCATE stops at their foreign key first;
    // with CASCADE it reaches the history's own trigger.
    await expect(sql`TRUNCATE return_events`).rejects.toThrow();
    await expect(sql`TRUNCATE return_events CASCADE`).rejects.toThrow(/append-only/);
  });

  it("nothing was changed by the refused statements", async () => {
    expect(await verifyHistory(db, requestId)).toEqual({ ok: true, count: eventCount });
    const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM return_events`;
    expect(row!.n).toBe(eventCount + 4);
  });

  it("a refused change inside the app's own transaction rolls the whole transaction back", async () => {
    const before = await loadHistory(db, requestId);
    await expect(
      db.transaction(async (tx) => {
        await tx.update(returnRequests).set({ status: "cancelled" }).where(eq(returnRequests.id, requestId));
        await tx.update(returnEvents).set({ comment: "x" }).where(eq(returnEvents.requestId, requestId));
      }),
    ).rejects.toThrow();
    const [row] = await db.select().from(returnRequests).where(eq(returnRequests.id, requestId));
    expect(row!.status).toBe("completed");
    expect(await loadHistory(db, requestId)).toEqual(before);
  });
});

describe("tampering is detected", () => {
  async function stored(): Promise<ChainedEvent[]> {
    const events = await loadHistory(db, requestId);
    expect(verifyChain(events)).toEqual({ ok: true, count: eventCount });
    return events;
  }
  const withEvent = (events: ChainedEvent[], seq: number, change: (e: ChainedEvent) => ChainedEvent) => events.map((e) => (e.seq === seq ? change(e) : e));

  it("a changed amount in one event's data breaks the chain at that event", async () => {
    const events = await stored();
    const submit = events[0]!;
    expect(submit.changes.requestedRefundFen).toBe(176_00);
    const forged = withEvent(events, 1, (e) => ({ ...e, changes: { ...e.changes, requestedRefundFen: 999_00 } }));
    expect(verifyChain(forged)).toEqual({ ok: false, brokenAtSeq: 1, problem: "hash_mismatch" });
  });

  it("a changed actor, status, comment or time breaks it", async () => {
    const events = await stored();
    const refundEvent = events.find((e) => e.action === "refund")!;
    const someoneElse = withEvent(events, refundEvent.seq, (e) => ({ ...e, actorId: "00000000-0000-4000-8000-000000000000" }));
    expect(verifyChain(someoneElse)).toMatchObject({ ok: false, brokenAtSeq: refundEvent.seq, problem: "hash_mismatch" });

    const reject = events.find((e) => e.action === "reject")!;
    expect(verifyChain(withEvent(events, reject.seq, (e) => ({ ...e, toStatus: "pending_refund" })))).toMatchObject({ ok: false, brokenAtSeq: reject.seq });
    expect(verifyChain(withEvent(events, reject.seq, (e) => ({ ...e, comment: "通过" })))).toMatchObject({ ok: false, brokenAtSeq: reject.seq });
    expect(verifyChain(withEvent(events, reject.seq, (e) => ({ ...e, createdAt: new Date(e.createdAt.getTime() - 86_400_000) })))).toMatchObject({
      ok: false,
      brokenAtSeq: reject.seq,
    });
  });

  it("a removed event, or a re-hashed forgery without re-hashing what follows, is detected", async () => {
    const events = await stored();
    expect(verifyChain(events.filter((e) => e.seq !== 3))).toMatchObject({ ok: false, brokenAtSeq: 4, problem: "seq_gap" });
    // A forger who recomputes the forged event's own hash still breaks the link to the next one.
    const forged = withEvent(events, 2, (e) => {
      const body = { ...e, comment: "伪造" };
      const { prevHash: _p, hash: _h, ...rest } = body;
      return { ...body, hash: hashEvent(rest, e.prevHash) };
    });
    expect(verifyChain(forged)).toEqual({ ok: false, brokenAtSeq: 3, problem: "prev_hash_mismatch" });
  });

  it("a row changed behind the trigger's back is caught by verifyHistory", async () => {
    const [target] = await db.select().from(returnEvents).where(eq(returnEvents.requestId, requestId)).orderBy(asc(returnEvents.seq)).limit(1);
    // Only a database owner can do this; it is what the hash chain is for.
    await sql.begin(async (tx) => {
      await tx`ALTER TABLE return_events DISABLE TRIGGER return_events_no_update_delete`;
      await tx`UPDATE return_events SET changes = jsonb_set(changes, '{requestedRefundFen}', '1') WHERE id = ${target!.id}`;
      await tx`ALTER TABLE return_events ENABLE TRIGGER return_events_no_update_delete`;
    });
    expect(await verifyHistory(db, requestId)).toEqual({ ok: false, brokenAtSeq: 1, problem: "hash_mismatch" });
    const admin = await staffCaller(db, "admin");
    expect(await admin.caller.admin.verifyHistory({ id: requestId })).toMatchObject({ ok: false, brokenAtSeq: 1 });
    // And the trigger is back on.
    await expect(sql`DELETE FROM return_events WHERE id = ${target!.id}`).rejects.toThrow(/append-only/);
  });
});

describe("the history proves the request row and its money (verifyHistory beyond the chain)", () => {
  /** A small refund-only request taken through to a paid refund: submit, approve, refund, refund_succeeded. */
  async function refundedRequest(): Promise<string> {
    const made = await makeOrder(db, [{ priceFen: 120_00 }]);
    const { res, read } = await submitFor(db, made, "refund_only");
    const cs = await staffCaller(db, "customer_service");
    const fin = await staffCaller(db, "finance");
    await cs.caller.staff.approve({ requestId: res.id, version: (await read()).version });
    await fin.caller.staff.refund({ requestId: res.id, version: (await read()).version });
    await runRefundJobs(db, testGateways());
    expect((await read()).status).toBe("completed");
    expect(await verifyHistory(db, res.id)).toEqual({ ok: true, count: 4 });
    return res.id;
  }

  /** What only the database owner can do: change rows with the append-only trigger off. */
  async function asOwner(work: (tx: typeof sql) => Promise<unknown>) {
    await sql.begin(async (tx) => {
      await tx`ALTER TABLE return_events DISABLE TRIGGER return_events_no_update_delete`;
      await work(tx as unknown as typeof sql);
      await tx`ALTER TABLE return_events ENABLE TRIGGER return_events_no_update_delete`;
    });
  }

  it("untouched: ok, through the API too", async () => {
    const id = await refundedRequest();
    const admin = await staffCaller(db, "admin");
    expect(await admin.caller.admin.verifyHistory({ id })).toEqual({ ok: true, count: 4 });
  });

  it("the newest event deleted: the chain is whole but ends before the request row's last event", async () => {
    const id = await refundedRequest();
    await asOwner((tx) => tx`DELETE FROM return_events WHERE request_id = ${id} AND seq = 4`);
    expect(await verifyHistory(db, id)).toEqual({ ok: false, problem: "head_mismatch", field: "last_event_seq", history: 3, row: 4 });
  });

  it("the newest event deleted and the row made to agree: the refund row gives it away", async () => {
    const id = await refundedRequest();
    await asOwner(async (tx) => {
      const [third] = await tx<{ hash: string }[]>`SELECT hash FROM return_events WHERE request_id = ${id} AND seq = 3`;
      await tx`DELETE FROM return_events WHERE request_id = ${id} AND seq = 4`;
      await tx`UPDATE return_requests SET last_event_seq = 3, last_event_hash = ${third!.hash}, status = 'refunding' WHERE id = ${id}`;
    });
    expect(await verifyHistory(db, id)).toEqual({ ok: false, problem: "state_mismatch", field: "refunds.status", history: "live", row: "succeeded" });
  });

  it("every event deleted: the request has no history", async () => {
    const id = await refundedRequest();
    await asOwner((tx) => tx`DELETE FROM return_events WHERE request_id = ${id}`);
    expect(await verifyHistory(db, id)).toEqual({ ok: false, problem: "history_missing", field: "last_event_seq", history: 0, row: 4 });
    const admin = await staffCaller(db, "admin");
    expect(await admin.caller.admin.verifyHistory({ id })).toMatchObject({ ok: false, problem: "history_missing" });
  });

  it("approved_refund_fen or requested_refund_fen edited in place (no trigger needed): the amounts the events recorded differ", async () => {
    const id = await refundedRequest();
    await db.update(returnRequests).set({ approvedRefundFen: 119_00 }).where(eq(returnRequests.id, id));
    expect(await verifyHistory(db, id)).toEqual({ ok: false, problem: "state_mismatch", field: "approved_refund_fen", history: null, row: 119_00 });

    const other = await refundedRequest();
    await db.update(returnRequests).set({ requestedRefundFen: 999_00 }).where(eq(returnRequests.id, other));
    expect(await verifyHistory(db, other)).toEqual({ ok: false, problem: "state_mismatch", field: "requested_refund_fen", history: 120_00, row: 999_00 });
  });

  it("the refund row edited in place: amount, status or attempts", async () => {
    const id = await refundedRequest();
    await db.update(refunds).set({ amountFen: 12_00 }).where(eq(refunds.requestId, id));
    expect(await verifyHistory(db, id)).toEqual({ ok: false, problem: "state_mismatch", field: "refunds.amount_fen", history: 120_00, row: 12_00 });

    const failed = await refundedRequest();
    await db.update(refunds).set({ status: "failed" }).where(eq(refunds.requestId, failed));
    expect(await verifyHistory(db, failed)).toMatchObject({ ok: false, problem: "state_mismatch", field: "refunds.status" });
  });

  it("a refund row without a refund in the history, or the status changed, is caught", async () => {
    const made = await makeOrder(db, [{ priceFen: 30_00 }]);
    const { res } = await submitFor(db, made, "refund_only");
    await db.insert(refunds).values({ requestId: res.id, orderId: made.order.id, amountFen: 30_00, outRefundNo: `RFX${res.id.slice(0, 8)}`, gateway: "alipay", channel: "alipay" });
    expect(await verifyHistory(db, res.id)).toMatchObject({ ok: false, problem: "state_mismatch", field: "refunds.id", history: null });

    const again = await submitFor(db, await makeOrder(db, [{ priceFen: 30_00 }]), "refund_only");
    await db.update(returnRequests).set({ status: "pending_refund" }).where(eq(returnRequests.id, again.res.id));
    expect(await verifyHistory(db, again.res.id)).toEqual({ ok: false, problem: "state_mismatch", field: "status", history: "pending_cs_review", row: "pending_refund" });
  });

  it("events whose request row was removed (foreign keys off): request_missing; an id that names nothing: not_found", async () => {
    const made = await makeOrder(db, [{ priceFen: 30_00 }]);
    const { res } = await submitFor(db, made, "refund_only");
    await sql.begin(async (tx) => {
      await tx`SET LOCAL session_replication_role = replica`;
      await tx`DELETE FROM return_lines WHERE request_id = ${res.id}`;
      await tx`DELETE FROM return_requests WHERE id = ${res.id}`;
    });
    expect(await verifyHistory(db, res.id)).toEqual({ ok: false, problem: "request_missing", field: "return_requests", history: 1, row: null });
    const admin = await staffCaller(db, "admin");
    const e = await failureOf(admin.caller.admin.verifyHistory({ id: "00000000-0000-4000-8000-000000000000" }));
    expect(appCodeOf(e)).toBe("not_found");
  });
});
