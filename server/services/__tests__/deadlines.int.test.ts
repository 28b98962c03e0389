/**
 * Deadlines as jobs (docs/decisions/031-deadlines-as-jobs.md), against the real database and the
 * real job queue. The clock is controlled by calling the job's handler (fireDeadline) with a
 * `now` for the jobs whose start time that `now` has reached; the worker tests use requests
 * submitted in the past, whose jobs pg-boss hands out at once.
 */
import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../../db/client";
import { orderLines, returnRequests } from "../../../db/schema";
import type { ApprovalPolicy } from "../../domain/policy";
import { DEFAULT_POLICY } from "../../domain/policy";
import type { TimeoutRules } from "../../domain/timeouts";
import { bossOver } from "../../jobs/boss";
import { startDeadlineJobs } from "../../jobs/deadline-worker";
import { QUEUES, type DeadlineFireJob } from "../../jobs/queues";
import { createTestDatabase } from "../../test/db";
import { makeOrder, makeStaff } from "../../test/fixtures";
import { actOnRequest, type Actor } from "../act-on-request";
import { armMissingDeadlines } from "../deadlines/backfill";
import { fireDeadline, type FireResult } from "../deadlines/fire-deadline";
import { deadlineJobId } from "../deadlines/schedule";
import { loadHistory, verifyHistory } from "../history-store";
import { requestForCustomer } from "../read-requests";
import { currentPolicy, replacePolicy } from "../policy-store";
import { submitReturn } from "../submit-return";

const { db, url, appUrl } = await createTestDatabase();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (t0: Date, ms: number) => new Date(t0.getTime() + ms);
const cs: Actor = { type: "staff", id: randomUUID(), role: "customer_service" };
const ops: Actor = { type: "staff", id: randomUUID(), role: "operations_manager" };
const warehouse: Actor = { type: "staff", id: randomUUID(), role: "warehouse" };
const admin = await makeStaff(db, "admin");

/** The policy new submissions get: the default with these timeout rules. */
async function usePolicy(timeouts: TimeoutRules, over: Partial<ApprovalPolicy> = {}) {
  const current = await currentPolicy(db);
  await replacePolicy(db, { policy: { ...DEFAULT_POLICY, timeouts: { ...DEFAULT_POLICY.timeouts, ...timeouts }, ...over }, expectedVersion: current.version, actorId: admin.id });
}

async function submitted(type: "refund_only" | "return_refund", t0: Date, priceFen = 5000) {
  const made = await makeOrder(db, [{ priceFen }], { deliveredDaysAgo: 5 });
  const req = await submitReturn(
    db,
    { customerId: made.customer.id, orderId: made.order.id, type, idempotencyKey: randomUUID(), lines: [{ orderLineId: made.lines[0]!.line.id, quantity: 1, reasonCode: "size_not_fit" }] },
    t0,
  );
  const customer: Actor = { type: "customer", id: made.customer.id, role: "customer" };
  return { made, req, customer };
}

const row = async (id: string) => (await db.select().from(returnRequests).where(eq(returnRequests.id, id)))[0]!;
const eventsOf = async (id: string, action: string) => (await loadHistory(db, id)).filter((e) => e.action === action);

interface QueuedJob {
  id: string;
  data: DeadlineFireJob;
  startAfter: Date;
  state: string;
}
async function jobsOf(requestId: string): Promise<QueuedJob[]> {
  return db.$client<QueuedJob[]>`
    SELECT id, data, start_after AS "startAfter", state FROM pgboss.job
    WHERE name = ${QUEUES.deadlineFire} AND data->>'requestId' = ${requestId} ORDER BY (data->>'seq')::int`;
}

/** The controllable clock: every job of the request whose start time `now` has reached, run by its handler at `now`. */
async function fireDue(requestId: string, now: Date): Promise<FireResult[]> {
  const due = (await jobsOf(requestId)).filter((j) => new Date(j.startAfter).getTime() <= now.getTime());
  const results: FireResult[] = [];
  for (const j of due) results.push(await fireDeadline(db, j.data, now));
  return results;
}
const applied = (results: FireResult[]) => results.filter((r) => r.outcome === "applied").map((r) => (r.outcome === "applied" ? r.action : null));

async function until(done: () => Promise<boolean>, what: string, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("a step that sets a deadline queues its job in the same transaction", () => {
  it("submission and each later stage: one job each, starting at the deadline, identified by the step that set it", async () => {
    await usePolicy({});
    const t0 = new Date();
    const { req } = await submitted("return_refund", t0);
    await actOnRequest(db, cs, { requestId: req.id, action: "approve" }, at(t0, HOUR));
    const jobs = await jobsOf(req.id);
    expect(jobs.map((j) => [j.data.seq, j.data.status])).toEqual([
      [1, "pending_cs_review"],
      [2, "awaiting_shipment"],
    ]);
    expect(new Date(jobs[0]!.startAfter).getTime()).toBe(at(t0, 48 * HOUR).getTime());
    expect(new Date(jobs[1]!.startAfter).getTime()).toBe(at(t0, HOUR + 7 * DAY).getTime());
    expect(jobs[1]!.id).toBe(deadlineJobId(req.id, 2));
    expect(jobs[1]!.data.deadlineAt).toBe((await row(req.id)).deadlineAt!.toISOString());
  });

  it("a step that fails leaves no job", async () => {
    const t0 = new Date();
    const { req } = await submitted("refund_only", t0);
    await expect(actOnRequest(db, cs, { requestId: req.id, action: "reject" }, at(t0, HOUR))).rejects.toMatchObject({ code: "missing_field" });
    expect((await jobsOf(req.id)).map((j) => j.data.status)).toEqual(["pending_cs_review"]);
  });
});

describe("each timeout action fires once, writes its event, and not after the request moved on", () => {
  it("customer service review → escalate (default); then operations review → remind, status and version unchanged", async () => {
    await usePolicy({});
    const t0 = new Date();
    const { req, made } = await submitted("refund_only", t0);
    expect(await fireDue(req.id, at(t0, 47 * HOUR))).toEqual([]);
    expect(applied(await fireDue(req.id, at(t0, 49 * HOUR)))).toEqual(["escalate"]);
    const escalated = await row(req.id);
    expect(escalated.status).toBe("pending_ops_review");
    expect((await eventsOf(req.id, "escalate"))[0]).toMatchObject({ actorType: "system", role: "system", fromStatus: "pending_cs_review", toStatus: "pending_ops_review" });

    // Operations review has its own job; the first job, run again, is stale.
    const later = at(t0, 49 * HOUR + 49 * HOUR);
    const results = await fireDue(req.id, later);
    expect(applied(results)).toEqual(["overdue"]);
    expect(results.find((r) => r.outcome === "stale")).toMatchObject({ reason: "moved_on" });
    const reminded = await row(req.id);
    expect(reminded).toMatchObject({ status: "pending_ops_review", version: escalated.version });
    expect(reminded.deadlineAt!.getTime()).toBeLessThan(later.getTime()); // still shows as overdue
    const [overdue, ...more] = await eventsOf(req.id, "overdue");
    expect(more).toEqual([]);
    expect(overdue).toMatchObject({ actorType: "system", role: "system", fromStatus: "pending_ops_review", toStatus: "pending_ops_review" });
    expect(overdue!.changes).toEqual({ stage: "pending_ops_review", deadlineAt: reminded.deadlineAt!.toISOString(), outcome: "remind", notifyRoles: ["operations_manager"] });

    // The reminder is in the hash chain like any step; the customer's timeline leaves it out.
    expect(await verifyHistory(db, req.id)).toMatchObject({ ok: true });
    const seen = await requestForCustomer(db, made.customer.id, { id: req.id });
    expect(seen!.timeline.map((e) => e.action)).toEqual(["submit", "escalate"]);
    // Everything run again, later: nothing more happens.
    expect(applied(await fireDue(req.id, at(later, 30 * DAY)))).toEqual([]);
    expect(await eventsOf(req.id, "overdue")).toHaveLength(1);
    // A reminder did not cost the operations manager's open page a version conflict.
    await actOnRequest(db, ops, { requestId: req.id, expectedVersion: escalated.version, action: "approve" }, at(later, HOUR));
    expect((await row(req.id)).status).toBe("pending_refund");
  });

  it("auto-approve when the policy says so, up to its amount (changes.auto = deadline); above it the review escalates", async () => {
    await usePolicy({ pending_cs_review: { action: "auto_approve", autoApproveMaxFen: 100_00 } });
    const t0 = new Date();
    const small = await submitted("refund_only", t0, 50_00);
    const large = await submitted("refund_only", t0, 150_00);
    expect(applied(await fireDue(small.req.id, at(t0, 49 * HOUR)))).toEqual(["approve"]);
    expect(applied(await fireDue(large.req.id, at(t0, 49 * HOUR)))).toEqual(["escalate"]);
    expect((await row(small.req.id)).status).toBe("pending_refund");
    expect((await row(large.req.id)).status).toBe("pending_ops_review");
    const [approval] = await eventsOf(small.req.id, "approve");
    expect(approval).toMatchObject({ actorType: "system", fromStatus: "pending_cs_review", toStatus: "pending_refund" });
    expect(approval!.changes).toMatchObject({ auto: "deadline", autoApproveMaxFen: 100_00 });

    // The refund's deadline alerts finance and the store manager.
    expect(applied(await fireDue(small.req.id, at(t0, 49 * HOUR + 8 * DAY)))).toEqual(["overdue"]);
    expect((await eventsOf(small.req.id, "overdue"))[0]!.changes).toMatchObject({ stage: "pending_refund", outcome: "alert", notifyRoles: ["finance", "admin"] });
  });

  it("needs information → close after 7 days, the items go back to the order", async () => {
    await usePolicy({});
    const t0 = new Date();
    const { req, made } = await submitted("return_refund", t0);
    await actOnRequest(db, cs, { requestId: req.id, action: "request_info", comment: "请补充照片" }, at(t0, HOUR));
    expect(applied(await fireDue(req.id, at(t0, HOUR + 7 * DAY - 1)))).toEqual([]);
    // The review's 48 h job passed meanwhile; it is stale (the request is waiting for the customer).
    expect(applied(await fireDue(req.id, at(t0, HOUR + 7 * DAY + 1)))).toEqual(["expire"]);
    expect((await row(req.id)).status).toBe("closed");
    const [line] = await db.select().from(orderLines).where(eq(orderLines.id, made.lines[0]!.line.id));
    expect(line!.claimedQuantity).toBe(0);
  });

  it("awaiting shipment → close when the customer did not ship within 7 days; rejected → close after the appeal window", async () => {
    await usePolicy({});
    const t0 = new Date();
    const unshipped = await submitted("return_refund", t0);
    await actOnRequest(db, cs, { requestId: unshipped.req.id, action: "approve" }, at(t0, HOUR));
    const rejected = await submitted("refund_only", t0);
    await actOnRequest(db, cs, { requestId: rejected.req.id, action: "reject", rejectionCode: "other", comment: "不符合" }, at(t0, HOUR));
    const late = at(t0, HOUR + 7 * DAY + 1);
    expect(applied(await fireDue(unshipped.req.id, late))).toEqual(["expire"]);
    expect(applied(await fireDue(rejected.req.id, late))).toEqual(["expire"]);
    expect((await row(unshipped.req.id)).status).toBe("closed");
    expect((await row(rejected.req.id)).status).toBe("closed");
    expect(await eventsOf(unshipped.req.id, "expire")).toHaveLength(1);
  });

  it("in transit → alert the warehouse; inspection mismatch → remind operations", async () => {
    await usePolicy({});
    const t0 = new Date();
    const { req, customer } = await submitted("return_refund", t0);
    await actOnRequest(db, cs, { requestId: req.id, action: "approve" }, at(t0, HOUR));
    await actOnRequest(db, customer, { requestId: req.id, action: "ship", shipment: { carrier: "SF", trackingNo: "SF1234567890" } }, at(t0, 2 * HOUR));
    expect(applied(await fireDue(req.id, at(t0, 2 * HOUR + 10 * DAY + 1)))).toEqual(["overdue"]);
    expect((await eventsOf(req.id, "overdue"))[0]!.changes).toMatchObject({ stage: "in_transit", outcome: "alert", notifyRoles: ["warehouse", "admin"] });

    const lineId = (await db.$client<{ id: string }[]>`SELECT id FROM return_lines WHERE request_id = ${req.id}`)[0]!.id;
    const received = at(t0, 11 * DAY);
    await actOnRequest(db, warehouse, { requestId: req.id, action: "receive", inspection: { lines: [{ returnLineId: lineId, receivedQuantity: 1, condition: "damaged" }] } }, received);
    expect((await row(req.id)).status).toBe("inspection_mismatch");
    expect(applied(await fireDue(req.id, at(received, 49 * HOUR)))).toEqual(["overdue"]);
    const overdue = await eventsOf(req.id, "overdue");
    expect(overdue.map((e) => (e.changes as { stage: string }).stage)).toEqual(["in_transit", "inspection_mismatch"]);
    expect(overdue[1]!.changes).toMatchObject({ outcome: "remind", notifyRoles: ["operations_manager"] });
  });

  it("a request decided before its deadline: the job runs and changes nothing (a recorded no-op)", async () => {
    await usePolicy({});
    const t0 = new Date();
    const { req } = await submitted("refund_only", t0);
    await actOnRequest(db, cs, { requestId: req.id, action: "approve" }, at(t0, HOUR));
    const before = await row(req.id);
    const stale = await fireDeadline(db, (await jobsOf(req.id))[0]!.data, at(t0, 49 * HOUR));
    expect(stale).toEqual({ outcome: "stale", reason: "moved_on", requestId: req.id });
    expect(await row(req.id)).toMatchObject({ status: "pending_refund", version: before.version });
    expect(await eventsOf(req.id, "escalate")).toEqual([]);
  });
});

describe("a moved deadline fires only its new job", () => {
  it("review → needs info → answered: the new review deadline escalates once, the first one never", async () => {
    await usePolicy({});
    const t0 = new Date();
    const { req, customer } = await submitted("refund_only", t0);
    await actOnRequest(db, cs, { requestId: req.id, action: "request_info", comment: "请补充" }, at(t0, HOUR));
    await actOnRequest(db, customer, { requestId: req.id, action: "provide_info", comment: "已补充" }, at(t0, 40 * HOUR));
    const jobs = await jobsOf(req.id);
    expect(jobs.map((j) => j.data.status)).toEqual(["pending_cs_review", "needs_info", "pending_cs_review"]);
    // At 49 h the FIRST review deadline has passed, but it is not the one running any more.
    const first = await fireDue(req.id, at(t0, 49 * HOUR));
    expect(applied(first)).toEqual([]);
    expect(first[0]).toMatchObject({ outcome: "stale", reason: "deadline_moved" });
    expect((await row(req.id)).status).toBe("pending_cs_review");
    // The new one (40 h + 48 h) escalates, once, however often the jobs run.
    expect(applied(await fireDue(req.id, at(t0, 89 * HOUR)))).toEqual(["escalate"]);
    expect(applied(await fireDue(req.id, at(t0, 90 * HOUR)))).toEqual([]);
    expect(await eventsOf(req.id, "escalate")).toHaveLength(1);
  });
});

describe("the same deadline never fires twice", () => {
  it("the same job run twice at once, and a duplicate job under another id: one remind", async () => {
    await usePolicy({ pending_cs_review: { action: "remind" } });
    const t0 = new Date();
    const { req } = await submitted("refund_only", t0);
    const [job] = await jobsOf(req.id);
    const late = at(t0, 49 * HOUR);
    const results = await Promise.all([fireDeadline(db, job!.data, late), fireDeadline(db, job!.data, late), fireDeadline(db, { ...job!.data }, late)]);
    expect(results.filter((r) => r.outcome === "applied")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "stale").map((r) => (r.outcome === "stale" ? r.reason : null))).toEqual(["already_handled", "already_handled"]);
    expect(await eventsOf(req.id, "overdue")).toHaveLength(1);
  });
});

describe("workers", () => {
  /** Requests submitted 49 h ago: their review deadline passed an hour ago, so their jobs are due now. */
  const overdueReviews = (n: number) => Promise.all(Array.from({ length: n }, () => submitted("refund_only", new Date(Date.now() - 49 * HOUR))));
  const overdueEvents = async (ids: string[], action: string) =>
    db.$client<{ requestId: string; n: number }[]>`
      SELECT request_id AS "requestId", count(*)::int AS n FROM return_events
      WHERE request_id = ANY(${ids}::uuid[]) AND action = ${action} GROUP BY request_id`;

  it("300 reviews whose timeout only reminds do not hold up other deadlines; each is reminded once", { timeout: 180_000 }, async () => {
    await usePolicy({ pending_cs_review: { action: "remind" } });
    const reminded: string[] = [];
    for (let i = 0; i < 6; i++) reminded.push(...(await overdueReviews(50)).map((s) => s.req.id));
    // Queued after all of them: a parcel that was never shipped.
    const old = new Date(Date.now() - 8 * DAY);
    const unshipped = await submitted("return_refund", old);
    await actOnRequest(db, cs, { requestId: unshipped.req.id, action: "approve" }, at(old, HOUR));

    const app = createDb(appUrl, { max: 4 });
    const stop = await startDeadlineJobs(appUrl, app.db, { pollingIntervalSeconds: 0.5, log: () => {} });
    try {
      await until(async () => (await row(unshipped.req.id)).status === "closed", "the unshipped request to close");
      await until(async () => (await overdueEvents(reminded, "overdue")).length === 300, "300 reminders");
    } finally {
      await stop();
      await app.sql.end();
    }
    const counts = await overdueEvents(reminded, "overdue");
    expect(counts.every((c) => c.n === 1)).toBe(true);
    const statuses = await db.select({ status: returnRequests.status }).from(returnRequests).where(inArray(returnRequests.id, reminded));
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(["pending_cs_review"]));
  });

  it("a job that throws is retried with back-off and does not block the others", { timeout: 60_000 }, async () => {
    await usePolicy({});
    const poison = await bossOver(db.$client).send(QUEUES.deadlineFire, { requestId: "not-a-uuid", seq: 1, status: "pending_cs_review", deadlineAt: new Date(0).toISOString() }, { retryLimit: 2, retryDelay: 1 });
    const [ok] = await overdueReviews(1);
    const stop = await startDeadlineJobs(url, db, { pollingIntervalSeconds: 0.5, log: () => {} });
    try {
      await until(async () => (await row(ok!.req.id)).status === "pending_ops_review", "the good job");
      await until(async () => {
        const [j] = await db.$client<{ state: string }[]>`SELECT state FROM pgboss.job WHERE id = ${poison!}`;
        return j?.state === "failed";
      }, "the poison job to fail for good");
    } finally {
      await stop();
    }
    const [j] = await db.$client<{ retryCount: number; output: { message: string } }[]>`SELECT retry_count AS "retryCount", output FROM pgboss.job WHERE id = ${poison!}`;
    expect(j!.retryCount).toBe(2);
    expect(j!.output.message).toMatch(/uuid/);
    expect(await eventsOf(ok!.req.id, "escalate")).toHaveLength(1);
  });

  it("jobs survive a worker restart: queued while no worker runs, or taken by a worker that died", { timeout: 60_000 }, async () => {
    await usePolicy({});
    const first = await startDeadlineJobs(url, db, { pollingIntervalSeconds: 0.5, log: () => {} });
    await first();
    const [waiting, taken] = await overdueReviews(2);
    // A worker takes `taken` and dies before finishing: the job stays active until it expires.
    const dying = bossOver(db.$client);
    await dying.start();
    const fetched = await dying.fetch<DeadlineFireJob>(QUEUES.deadlineFire, { batchSize: 50 });
    const mine = fetched.filter((j) => j.data.requestId === taken!.req.id);
    expect(mine).toHaveLength(1);
    const others = fetched.filter((j) => j.data.requestId !== taken!.req.id).map((j) => j.id);
    if (others.length) await dying.fail(QUEUES.deadlineFire, others); // give the rest back (retried)
    await dying.stop({ graceful: false, close: false });
    // Short timers for the test: it expires after 1 s and is retried 1 s later (the queue says 5 min, then 30 s on).
    await db.$client`UPDATE pgboss.job SET expire_seconds = 1, retry_delay = 1, retry_backoff = false WHERE id = ${mine[0]!.id}`;
    expect((await row(waiting!.req.id)).status).toBe("pending_cs_review");

    const second = await startDeadlineJobs(url, db, { pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 1, log: () => {} });
    try {
      await until(async () => (await row(waiting!.req.id)).status === "pending_ops_review", "the job queued while no worker ran");
      await until(async () => (await row(taken!.req.id)).status === "pending_ops_review", "the job of the worker that died");
    } finally {
      await second();
    }
    expect(await eventsOf(taken!.req.id, "escalate")).toHaveLength(1);
  });

  it("two workers racing on the same due jobs, duplicates included, apply each deadline once", { timeout: 90_000 }, async () => {
    await usePolicy({});
    const reviews = await overdueReviews(30);
    const ids = reviews.map((s) => s.req.id);
    // A duplicate of every job under another id (as if queued twice).
    const boss = bossOver(db.$client);
    for (const id of ids) for (const j of await jobsOf(id)) await boss.send(QUEUES.deadlineFire, j.data);
    const app = createDb(appUrl, { max: 4 });
    const a = await startDeadlineJobs(url, db, { pollingIntervalSeconds: 0.5, batchSize: 5, log: () => {} });
    const b = await startDeadlineJobs(appUrl, app.db, { pollingIntervalSeconds: 0.5, batchSize: 5, log: () => {} });
    try {
      await until(async () => (await overdueEvents(ids, "escalate")).length === 30, "30 escalations");
      await until(async () => {
        const [left] = await db.$client<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${QUEUES.deadlineFire} AND data->>'requestId' = ANY(${ids}) AND state IN ('created', 'active', 'retry') AND start_after <= now()`;
        return left!.n === 0;
      }, "every due job to be worked");
    } finally {
      await Promise.all([a(), b()]);
      await app.sql.end();
    }
    expect((await overdueEvents(ids, "escalate")).every((c) => c.n === 1)).toBe(true);
  });
});

describe("deadlines without a job (requests from before deadlines were jobs, lost jobs)", () => {
  it("get one at worker start, once; a deadline that already fired gets none", async () => {
    await usePolicy({ pending_cs_review: { action: "remind" } });
    const t0 = new Date();
    const legacy = await submitted("return_refund", t0);
    await actOnRequest(db, cs, { requestId: legacy.req.id, action: "approve" }, at(t0, HOUR));
    const fired = await submitted("refund_only", t0);
    expect(applied(await fireDue(fired.req.id, at(t0, 49 * HOUR)))).toEqual(["overdue"]);
    await db.$client`DELETE FROM pgboss.job WHERE name = ${QUEUES.deadlineFire} AND data->>'requestId' = ANY(${[legacy.req.id, fired.req.id]})`;

    await Promise.all([armMissingDeadlines(db.$client), armMissingDeadlines(db.$client)]);
    expect(await armMissingDeadlines(db.$client)).toBe(0);
    const jobs = await jobsOf(legacy.req.id);
    expect(jobs.map((j) => [j.id, j.data.seq, j.data.status])).toEqual([[deadlineJobId(legacy.req.id, 2), 2, "awaiting_shipment"]]);
    expect(new Date(jobs[0]!.startAfter).getTime()).toBe((await row(legacy.req.id)).deadlineAt!.getTime());
    expect(await jobsOf(fired.req.id)).toEqual([]);
    expect(applied(await fireDue(legacy.req.id, at(t0, 9 * DAY)))).toEqual(["expire"]);
  });
});
