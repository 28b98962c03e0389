import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { inArray, sql } from "drizzle-orm";
import { createDb, type Db } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { returnRequests } from "../../db/schema";
import { DeadlineExceededError } from "../api/db-errors";
import { within } from "../api/deadline";
import { isAppError } from "../domain/errors";
import { customerCaller, makeOrder, unverifiableHistories, type Made } from "./fixtures";
import { startKillablePostgres } from "./killable-postgres";

/**
 * Submissions through the real tRPC caller (middleware, deadline, service, database) while the
 * database is killed with `kill -9` and restarted; then what the database holds is compared with
 * what the clients were told. Used by database-outage.int.test.ts (small) and
 * database-outage.long.test.ts (`npm run test:long`). docs/decisions/020-database-failure.md.
 */
export interface OutagePlan {
  clients: number;
  /** Load before the first kill, and between a restart and the next kill. */
  upMs: number;
  /** How long the database stays dead each time. */
  downMs: number;
  kills: number;
  /** Load after the last restart (the app must serve again without a restart of its own). */
  recoveryMs: number;
  /** The per-request deadline the app runs with (REQUEST_DEADLINE_MS). */
  deadlineMs: number;
  /** Orders created up front (one submission each). */
  orders: number;
}

export interface OutageReport {
  requests: number;
  acknowledged: number;
  /** Requests still without an answer at deadline + grace (must be 0). */
  unanswered: number;
  maxAnswerMs: number;
  errorsByKind: Record<string, number>;
  /** Successful submissions that started after the last restart. */
  acknowledgedAfterLastRestart: number;
  /** Answers to requests that started after the last restart, by kind. */
  afterLastRestart: Record<string, number>;
  /** Acknowledged request ids that the database does not have after the restart. */
  lostAcknowledged: string[];
  /** Requests with no first event, no lines, a last_event_seq that disagrees with the events, or claims that disagree with the lines. */
  halfWritten: string[];
  /** Order lines whose claimed quantity is not the sum of their return lines. */
  claimMismatches: string[];
  unverifiable: { id: string; result: unknown }[];
}

/** Slack on top of the deadline for the event loop and the answer itself; an answer later than this counts as unanswered. */
export const ANSWER_GRACE_MS = 2_000;

interface Outcome {
  ms: number;
  startedAt: number;
  requestId?: string;
  kind: string;
}

function kindOf(error: unknown): string {
  if (error instanceof DeadlineExceededError) return "unanswered";
  if (error instanceof TRPCError) return `${error.code}${isAppError(error.cause) ? `/${error.cause.code}` : ""}`;
  return `thrown/${error instanceof Error ? error.name : typeof error}`;
}

function countKinds(outcomes: Outcome[]): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const o of outcomes) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1;
  return kinds;
}

async function seedOrders(db: Db, n: number): Promise<Made[]> {
  const made: Made[] = [];
  const workers = Array.from({ length: 6 }, async () => {
    while (made.length < n) {
      const m = await makeOrder(db, [{ priceFen: 5_000 }]);
      made.push(m);
    }
  });
  await Promise.all(workers);
  return made.slice(0, n);
}

export async function runDatabaseOutage(plan: OutagePlan, log: (line: string) => void = () => {}): Promise<OutageReport> {
  // Read lazily by the tRPC middleware on the first request: set before any request is made.
  process.env.REQUEST_DEADLINE_MS = String(plan.deadlineMs);
  const pg = await startKillablePostgres(["outage"]);
  const url = pg.url("outage");
  // The app's pool, with the app's limits (server/db.ts), scaled down to the test's deadline.
  const app = createDb(url, {
    max: 10,
    timeouts: { statementTimeoutMs: plan.deadlineMs, idleInTransactionTimeoutMs: plan.deadlineMs, connectTimeoutSeconds: Math.max(1, plan.deadlineMs / 2_000) },
  });
  try {
    await runMigrations(url);
    const orders = await seedOrders(app.db, plan.orders);
    // One share of the orders per phase (up before each kill, down, up after the last restart):
    // however fast the machine, there is load while the database is away and after it is back.
    const phases = 2 * plan.kills + 1;
    const share = Math.floor(orders.length / phases);
    const tranches = Array.from({ length: phases }, (_, i) => orders.splice(0, i === phases - 1 ? orders.length : share));
    let phase = 0;
    const outcomes: Outcome[] = [];
    let stop = false;
    let lastRestartAt = 0;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

    const client = async () => {
      while (!stop) {
        const made = tranches[phase]?.pop();
        if (!made) {
          await sleep(100);
          continue;
        }
        const startedAt = performance.now();
        const caller = customerCaller(app.db, made.customer);
        const call = caller.customer.submit({
          orderId: made.order.id,
          type: "refund_only",
          idempotencyKey: randomUUID(),
          lines: made.lines.map((l) => ({ orderLineId: l.line.id, quantity: l.line.quantity, reasonCode: "size_not_fit" })),
        });
        try {
          const res = await within(plan.deadlineMs + ANSWER_GRACE_MS, call);
          outcomes.push({ ms: performance.now() - startedAt, startedAt, requestId: res.id, kind: "ok" });
        } catch (error) {
          outcomes.push({ ms: performance.now() - startedAt, startedAt, kind: kindOf(error) });
          // A real client waits as Retry-After says; a short pause keeps the loop from spinning while the database is down.
          await sleep(50);
        }
      }
    };

    const clients = Array.from({ length: plan.clients }, client);
    for (let k = 0; k < plan.kills; k++) {
      await sleep(plan.upMs);
      log(`kill ${k + 1}/${plan.kills}: kill -9 postmaster (${outcomes.length} answered so far)`);
      pg.crash();
      phase++;
      await sleep(plan.downMs);
      await pg.restart();
      lastRestartAt = performance.now();
      phase++;
      log(`restart ${k + 1}/${plan.kills}: database back`);
    }
    await sleep(plan.recoveryMs);
    stop = true;
    await Promise.all(clients);

    // What the database holds now, read on a connection of its own.
    const check = createDb(url, { max: 2 });
    try {
      const acknowledged = outcomes.filter((o) => o.requestId).map((o) => o.requestId!);
      const present = new Set(
        (await check.db.select({ id: returnRequests.id }).from(returnRequests).where(inArray(returnRequests.id, acknowledged))).map((r) => r.id),
      );
      const halfWritten = (
        await check.db.execute<{ id: string }>(sql`
          SELECT r.id FROM return_requests r
          WHERE NOT EXISTS (SELECT 1 FROM return_events e WHERE e.request_id = r.id AND e.seq = 1)
             OR NOT EXISTS (SELECT 1 FROM return_lines l WHERE l.request_id = r.id)
             OR r.last_event_seq <> (SELECT coalesce(max(e.seq), 0) FROM return_events e WHERE e.request_id = r.id)`)
      ).map((r) => r.id);
      const claimMismatches = (
        await check.db.execute<{ id: string }>(sql`
          SELECT ol.id FROM order_lines ol
          LEFT JOIN (SELECT order_line_id, sum(quantity) AS q FROM return_lines GROUP BY order_line_id) rl ON rl.order_line_id = ol.id
          WHERE ol.claimed_quantity <> coalesce(rl.q, 0)`)
      ).map((r) => r.id);
      const { ok: _ok, ...errorsByKind } = countKinds(outcomes);
      return {
        requests: outcomes.length,
        acknowledged: acknowledged.length,
        unanswered: errorsByKind.unanswered ?? 0,
        maxAnswerMs: Math.round(Math.max(0, ...outcomes.map((o) => o.ms))),
        errorsByKind,
        acknowledgedAfterLastRestart: outcomes.filter((o) => o.requestId && o.startedAt > lastRestartAt).length,
        afterLastRestart: countKinds(outcomes.filter((o) => o.startedAt > lastRestartAt)),
        lostAcknowledged: acknowledged.filter((id) => !present.has(id)),
        halfWritten,
        claimMismatches,
        unverifiable: await unverifiableHistories(check.db),
      };
    } finally {
      await check.sql.end({ timeout: 1 });
    }
  } finally {
    await app.sql.end({ timeout: 1 });
    await pg.dispose();
  }
}
