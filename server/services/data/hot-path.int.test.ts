/**
 * The hot path's own promises (docs/decisions/006-hot-path-sql.md): how many statements a
 * submission and a step send, that drizzle's queries are prepared, and that the request row's
 * copy of its newest event (last_event_seq / last_event_hash) always matches the history.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { drizzleOver, sqlOf } from "../../../db/client";
import { MIGRATIONS_FOLDER } from "../../../db/migrate";
import { refunds, returnEvents, returnRequests } from "../../../db/schema";
import { GENESIS_HASH } from "../../domain/history";
import { createTestDatabase } from "../../test/db";
import { makeOrder, makeStaff, testGateways, testJobs, unverifiableHistories } from "../../test/fixtures";
import { recordGatewayAnswer } from "../refunds/record-answer";
import { actOnRequest, type Actor } from "../act-on-request";
import { loadHistory } from "../history-store";
import { submitReturn } from "../submit-return";

const { db: plainDb, url, sql: rawSql } = await createTestDatabase();
// The same database through a client that counts every statement sent, BEGIN and COMMIT included.
const counter = { n: 0 };
const countingClient = postgres(url, { max: 4, onnotice: () => {}, debug: () => counter.n++ });
afterAll(() => countingClient.end());
const db = drizzleOver(countingClient);

async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = counter.n;
  const result = await work();
  return { result, statements: counter.n - before };
}

async function submitOne(type: "refund_only" | "return_refund" = "refund_only", now = new Date(), made?: Awaited<ReturnType<typeof makeOrder>>) {
  const order = made ?? (await makeOrder(plainDb, [{ priceFen: 50_00 }]));
  const input = {
    customerId: order.customer.id,
    orderId: order.order.id,
    type,
    idempotencyKey: randomUUID(),
    lines: [{ orderLineId: order.lines[0]!.line.id, quantity: 1, reasonCode: "size_not_fit" as const }],
  };
  return { made: order, ...(await statementsOf(() => submitReturn(db, input, now))) };
}

async function lastEventMatches(requestId: string) {
  const [row] = await plainDb.select().from(returnRequests).where(eq(returnRequests.id, requestId));
  const [newest] = await plainDb.select().from(returnEvents).where(eq(returnEvents.requestId, requestId)).orderBy(desc(returnEvents.seq)).limit(1);
  expect({ seq: row!.lastEventSeq, hash: row!.lastEventHash }).toEqual({ seq: newest!.seq, hash: newest!.hash });
}

describe("statements per step", () => {
  it("a submission: BEGIN, lock the order, read what it needs, write it all, queue its deadline job (2) and its notifications job (2), COMMIT", async () => {
    await submitOne(); // the first use of each statement on a connection also prepares it; not counted below
    const { result, statements } = await submitOne();
    expect(result.created).toBe(true);
    // +2 for the deadline job: enqueueWithin's pg-boss looks its queue up, then inserts (decision 031).
    expect(statements).toBe(9);
  });

  it("a repeated submission (same key) stops after the read", async () => {
    const made = await makeOrder(plainDb, [{ priceFen: 50_00 }]);
    const input = {
      customerId: made.customer.id,
      orderId: made.order.id,
      type: "refund_only" as const,
      idempotencyKey: randomUUID(),
      lines: [{ orderLineId: made.lines[0]!.line.id, quantity: 1, reasonCode: "size_not_fit" as const }],
    };
    const first = await submitReturn(db, input);
    const { result, statements } = await statementsOf(() => submitReturn(db, input));
    expect(result).toEqual({ ...first, created: false });
    expect(statements).toBe(4);
  });

  it("a step: BEGIN, lock the request, write the request and its event, queue the new stage's deadline job (2) and the event's notifications job (2), COMMIT (+3 for a refund: its context, its record, its job)", async () => {
    const cs: Actor = { type: "staff", id: (await makeStaff(plainDb, "customer_service")).id, role: "customer_service" };
    const finance: Actor = { type: "staff", id: (await makeStaff(plainDb, "finance")).id, role: "finance" };
    const { result: req } = await submitOne();
    const approve = await statementsOf(() => actOnRequest(db, cs, { requestId: req.id, expectedVersion: 1, action: "approve" }));
    expect(approve.statements).toBe(8);
    const refunding = { gateways: testGateways(), jobs: testJobs(db) };
    // Warm-up on another request: the job queue starts once per process, and each statement is prepared on first use.
    for (let i = 0; i < 2; i++) {
      const { result: other } = await submitOne();
      await actOnRequest(db, cs, { requestId: other.id, expectedVersion: 1, action: "approve" });
      const { refundId } = await actOnRequest(db, finance, { requestId: other.id, expectedVersion: 2, action: "refund", refunding });
      await recordGatewayAnswer(db, refundId!, { state: "succeeded", gatewayRefundId: `W${i}`, amountFen: 50_00, succeededAt: null }, { call: true });
    }
    const refund = await statementsOf(() => actOnRequest(db, finance, { requestId: req.id, expectedVersion: 2, action: "refund", refunding }));
    // refunding keeps the refund clock but is a new stage: its deadline job too.
    expect(refund.statements).toBe(11);
    // Recording the gateway's answer: BEGIN, the refund's request, lock the request, lock the refund, mark it, the step's write, COMMIT (+1: the policy read; +2: the event's notifications job).
    const answer = { state: "succeeded" as const, gatewayRefundId: "G1", amountFen: 50_00, succeededAt: null };
    const recorded = await statementsOf(() => recordGatewayAnswer(db, refund.result.refundId!, answer, { call: true }));
    expect(recorded).toEqual({ result: { effect: "succeed", status: "succeeded" }, statements: 10 });
    await lastEventMatches(req.id);
  });
});

describe("drizzle's queries are prepared statements", () => {
  it("a query drizzle built is in the connection's pg_prepared_statements", async () => {
    const marker = randomUUID();
    const found = await plainDb.transaction(async (tx) => {
      await tx.select({ id: refunds.id }).from(refunds).where(eq(refunds.outRefundNo, marker));
      return sqlOf(tx)<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements WHERE statement LIKE ${'%"out_refund_no" = $1%'}`;
    });
    expect(found.length).toBeGreaterThan(0);
  });
});

describe("the request row's copy of its newest event", () => {
  it("matches the history after a whole route, and the history verifies", async () => {
    const cs: Actor = { type: "staff", id: (await makeStaff(plainDb, "customer_service")).id, role: "customer_service" };
    const { made, result: req } = await submitOne("return_refund");
    await lastEventMatches(req.id);
    const customer: Actor = { type: "customer", id: made.customer.id, role: "customer" };
    await actOnRequest(db, cs, { requestId: req.id, expectedVersion: 1, action: "approve" });
    await actOnRequest(db, customer, { requestId: req.id, expectedVersion: 2, action: "cancel" });
    await lastEventMatches(req.id);
    expect((await loadHistory(plainDb, req.id)).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await unverifiableHistories(plainDb)).toEqual([]);
  });

  it("steps without an expected version, racing, each chain onto the one before", async () => {
    const cs: Actor = { type: "staff", id: (await makeStaff(plainDb, "customer_service")).id, role: "customer_service" };
    for (let i = 0; i < 5; i++) {
      const { made, result: req } = await submitOne("return_refund");
      const customer: Actor = { type: "customer", id: made.customer.id, role: "customer" };
      // Either order is allowed (approve then cancel, or cancel and the approval refused); the second waits for the first's lock.
      const settled = await Promise.allSettled([
        actOnRequest(db, cs, { requestId: req.id, action: "approve" }),
        actOnRequest(db, customer, { requestId: req.id, action: "cancel" }),
      ]);
      expect(settled[1]!.status).toBe("fulfilled");
      await lastEventMatches(req.id);
    }
    expect(await unverifiableHistories(plainDb)).toEqual([]);
  });

  it("migration 0004 fills it in for requests that predate it", async () => {
    const { result: req } = await submitOne();
    const cs: Actor = { type: "staff", id: (await makeStaff(plainDb, "customer_service")).id, role: "customer_service" };
    await actOnRequest(db, cs, { requestId: req.id, expectedVersion: 1, action: "approve" });
    const [before] = await plainDb.select().from(returnRequests).where(eq(returnRequests.id, req.id));
    // As if the columns had just been added with their defaults.
    await plainDb.update(returnRequests).set({ lastEventSeq: 0, lastEventHash: GENESIS_HASH });
    await rawSql.unsafe(readFileSync(path.join(MIGRATIONS_FOLDER, "0004_backfill_last_event.sql"), "utf8"));
    const [after] = await plainDb.select().from(returnRequests).where(eq(returnRequests.id, req.id));
    expect({ seq: after!.lastEventSeq, hash: after!.lastEventHash }).toEqual({ seq: 2, hash: before!.lastEventHash });
    await lastEventMatches(req.id);
  });
});

describe("the services' `now`", () => {
  it("recording the gateway's answer happens at the time it is given", async () => {
    const cs: Actor = { type: "staff", id: (await makeStaff(plainDb, "customer_service")).id, role: "customer_service" };
    const finance: Actor = { type: "staff", id: (await makeStaff(plainDb, "finance")).id, role: "finance" };
    const { result: req } = await submitOne();
    await actOnRequest(db, cs, { requestId: req.id, expectedVersion: 1, action: "approve" });
    const { refundId } = await actOnRequest(db, finance, { requestId: req.id, expectedVersion: 2, action: "refund", refunding: { gateways: testGateways(), jobs: testJobs(db) } });
    const at = new Date("2026-11-20T08:00:00.000Z");
    await recordGatewayAnswer(db, refundId!, { state: "succeeded", gatewayRefundId: "G2", amountFen: 50_00, succeededAt: at }, { call: true, now: at });
    const last = (await loadHistory(plainDb, req.id)).at(-1)!;
    expect(last).toMatchObject({ action: "refund_succeeded", createdAt: at });
  });

  it("a submission counts only the customer's requests before its own time as history", async () => {
    const phone = `138${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    const now = new Date();
    // Five requests (the default policy's frequent-returner threshold), all filed at `now`…
    for (let i = 0; i < 5; i++) await submitOne("refund_only", now, await makeOrder(plainDb, [{ priceFen: 50_00 }], { phone }));
    // …do not count for one filed an hour earlier.
    const { result: earlier } = await submitOne("refund_only", new Date(now.getTime() - 3_600_000), await makeOrder(plainDb, [{ priceFen: 50_00 }], { phone }));
    const [row] = await plainDb.select().from(returnRequests).where(eq(returnRequests.id, earlier.id));
    expect(row!.route.matchedRules).not.toContain("frequent-returner");
    // One filed after them does.
    const { result: later } = await submitOne("refund_only", new Date(now.getTime() + 1000), await makeOrder(plainDb, [{ priceFen: 50_00 }], { phone }));
    const [laterRow] = await plainDb.select().from(returnRequests).where(eq(returnRequests.id, later.id));
    expect(laterRow!.route.matchedRules).toContain("frequent-returner");
  });
});
