/**
 * Lifecycle throughput: the application's services against the plain-SQL ceiling for the same rows.
 *
 *   npm run bench -- --n 1000 [--concurrency 8] [--pool 10] [--rounds 5]
 *
 * A throw-away embedded PostgreSQL holds identical databases (catalogue, N orders, one customer
 * per order). "app": N requests go through submitReturn, then through their whole route with
 * actOnRequest (+ payOutRefund on a SimulatedGateway). "ceiling": the same request, line, claim,
 * hash-chained event, status/version, refund and refunded_fen rows written with the fewest plain
 * postgres-js statements, one transaction per step. The app's database handle is built as the
 * app builds it (db/client.ts drizzleOver: drizzle over postgres-js, statements prepared).
 * Submissions and decisions are timed as separate phases, the paths taking turns in rounds;
 * "decisions" counts every state change after submission, the system's refund_succeeded
 * included. A sequential pass afterwards counts statements and latency per step.
 */
import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path_ from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { drizzleOver, type Db } from "../../db/client";
import { startEmbeddedPostgres } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";
import * as schema from "../../db/schema";
import { chain, GENESIS_HASH, type HistoryEvent } from "../../server/domain/history";
import { refundableFen } from "../../server/domain/money";
import { decideRoute, deadlineFor, nextDeadline, type ApprovalPolicy } from "../../server/domain/policy";
import { firstStatus, type Route } from "../../server/domain/route";
import { transition, type RequestState } from "../../server/domain/state-machine";
import type { Action, ActorRole, ReturnType, StaffRole } from "../../server/domain/vocabulary";
import { jobSender, type JobSender } from "../../server/jobs/boss";
import { GatewayRegistry } from "../../server/payments/registry";
import { actOnRequest, type ActInput, type Actor } from "../../server/services/act-on-request";
import { recordGatewayAnswer } from "../../server/services/refunds/record-answer";
import { seedGateway } from "../seed/seed-gateway";
import { currentPolicy } from "../../server/services/policy-store";
import { newRmaNumber } from "../../server/services/rma-number";
import { submitReturn } from "../../server/services/submit-return";
import { buildCatalog, insertCatalog, type SeedSku } from "../seed/catalog";
import { runPool } from "../seed/pool";
import { Prng } from "../seed/prng";

const { values: args } = parseArgs({
  options: { n: { type: "string", default: "1000" }, concurrency: { type: "string", default: "8" }, pool: { type: "string", default: "10" }, rounds: { type: "string", default: "5" } },
});
const N = Number(args.n);
const CONCURRENCY = Number(args.concurrency);
const POOL = Number(args.pool);
const ROUNDS = Number(args.rounds);
const WARM_UP = 40;

// ---------------------------------------------------------------- the work: orders and routes

type Kind = "small_refund_only" | "small_return" | "high_value_ops" | "exchange";
const KINDS: readonly Kind[] = ["small_refund_only", "small_return", "high_value_ops", "exchange"];
const TYPE: Record<Kind, ReturnType> = { small_refund_only: "refund_only", small_return: "return_refund", high_value_ops: "return_refund", exchange: "exchange" };

/** Who does what after submission, per route. `refund` is followed by the gateway's refund_succeeded. */
const STEPS: Record<Kind, { action: Action; who: Who }[]> = {
  small_refund_only: [
    { action: "approve", who: "cs" },
    { action: "refund", who: "finance" },
  ],
  small_return: [
    { action: "approve", who: "cs" },
    { action: "ship", who: "customer" },
    { action: "receive", who: "warehouse" },
    { action: "refund", who: "finance" },
  ],
  high_value_ops: [
    { action: "approve", who: "cs" },
    { action: "approve", who: "ops" },
    { action: "ship", who: "customer" },
    { action: "receive", who: "warehouse" },
    { action: "refund", who: "finance" },
  ],
  exchange: [
    { action: "approve", who: "cs" },
    { action: "ship", who: "customer" },
    { action: "receive", who: "warehouse" },
    { action: "ship_replacement", who: "warehouse" },
  ],
};
type Who = "cs" | "ops" | "warehouse" | "finance" | "customer";
const STAFF_ROLE: Record<Exclude<Who, "customer">, StaffRole> = { cs: "customer_service", ops: "operations_manager", warehouse: "warehouse", finance: "finance" };
const ROLE: Record<Who, ActorRole> = { ...STAFF_ROLE, customer: "customer" };

interface Work {
  kind: Kind;
  customerId: string;
  orderId: string;
  orderLineId: string;
  sku: SeedSku;
  exchangeTo: SeedSku | null;
  paidFen: number;
  highValue: boolean;
  categoryCode: string;
}

/** One order of one line per request, and one customer per order (so no "frequent returner" rule fires). */
function planWork(count: number): Work[] {
  const catalog = buildCatalog(new Prng(7));
  const bySpu = (spu: string) => catalog.byProduct.get(spu)!;
  const pick: Record<Kind, () => { sku: SeedSku; exchangeTo: SeedSku | null }> = {
    small_refund_only: () => ({ sku: bySpu("BT-3001")[0]!, exchangeTo: null }),
    small_return: () => ({ sku: bySpu("HM-7003")[0]!, exchangeTo: null }),
    high_value_ops: () => ({ sku: bySpu("DG-4002")[0]!, exchangeTo: null }),
    exchange: () => {
      const [sold, ...others] = bySpu("AP-2001");
      return { sku: sold!, exchangeTo: others.find((o) => o.stock > 0) ?? null };
    },
  };
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % KINDS.length]!;
    const { sku, exchangeTo } = pick[kind]();
    if (kind === "exchange" && !exchangeTo) throw new Error("bench: no exchange variant in stock");
    return {
      kind,
      customerId: randomUUID(),
      orderId: randomUUID(),
      orderLineId: randomUUID(),
      sku,
      exchangeTo,
      paidFen: sku.priceFen,
      highValue: sku.category.highValue,
      categoryCode: sku.category.code,
    };
  });
}

interface Setup {
  staff: Record<Exclude<Who, "customer">, string>;
  policy: { id: string; version: number; policy: ApprovalPolicy };
  skuIds: Map<string, string>;
}

/** Catalogue, staff (placeholder hashes: nobody signs in), policy, customers and orders; identical in both databases. */
async function setUp(url: string, work: Work[], staffIds: Setup["staff"]): Promise<Setup> {
  const client = postgres(url, { max: 2, onnotice: () => {} });
  const db = drizzle(client, { schema, casing: "snake_case" });
  try {
    const ids = await insertCatalog(db, buildCatalog(new Prng(7)));
    // Approved exchanges reserve their replacement and shipping takes it (decision 030): stock for every run.
    await db.update(schema.skus).set({ stock: 10_000_000 });
    await db.insert(schema.staffUsers).values(
      (Object.entries(staffIds) as [keyof Setup["staff"], string][]).map(([who, id]) => ({ id, email: `${who}@bench.local`, name: who, role: STAFF_ROLE[who], passwordHash: "$argon2id$bench" })),
    );
    const policy = await currentPolicy(db);
    const channelId = ids.channelId.get("own_shop")!;
    const delivered = new Date(Date.now() - 86_400_000);
    for (let i = 0; i < work.length; i += 500) {
      const batch = work.slice(i, i + 500);
      await db.insert(schema.customers).values(batch.map((w, j) => ({ id: w.customerId, phone: `139${String(i + j).padStart(8, "0")}`, name: `顾客${i + j}` })));
      await db.insert(schema.orders).values(
        batch.map((w, j) => ({
          id: w.orderId,
          orderNo: `BENCH${String(i + j).padStart(8, "0")}`,
          channelId,
          customerId: w.customerId,
          status: "delivered" as const,
          paymentMethod: "alipay" as const,
          gatewayTxnId: `2026${String(i + j).padStart(12, "0")}`,
          totalPaidFen: w.paidFen,
          paidAt: new Date(delivered.getTime() - 86_400_000),
          deliveredAt: delivered,
        })),
      );
      await db.insert(schema.orderLines).values(
        batch.map((w) => ({ id: w.orderLineId, orderId: w.orderId, skuId: ids.skuId.get(w.sku.code)!, title: w.sku.title, quantity: 1, unitPriceFen: w.paidFen, paidFen: w.paidFen })),
      );
    }
    await client`ANALYZE`;
    return { staff: staffIds, policy, skuIds: ids.skuId };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- app path: the services

interface AppRequest {
  work: Work;
  id: string;
  /** The return line, as the warehouse screen shows it; looked up between the phases (untimed). */
  lineId?: string;
}

async function appSubmit(db: Db, setup: Setup, w: Work): Promise<AppRequest> {
  const res = await submitReturn(db, {
    customerId: w.customerId,
    orderId: w.orderId,
    type: TYPE[w.kind],
    idempotencyKey: randomUUID(),
    lines: [{ orderLineId: w.orderLineId, quantity: 1, reasonCode: "quality_problem", exchangeSkuId: w.exchangeTo ? setup.skuIds.get(w.exchangeTo.code) : null }],
  });
  return { work: w, id: res.id };
}

async function attachLineIds(db: Db, requests: AppRequest[]): Promise<void> {
  const rows = await db.select({ id: schema.returnLines.id, requestId: schema.returnLines.requestId }).from(schema.returnLines);
  const byRequest = new Map(rows.map((r) => [r.requestId, r.id]));
  for (const r of requests) r.lineId = byRequest.get(r.id);
}

/** Takes one request through its route with the services; `onStep` sees each step's label (profiling). */
/** The refund step's gateway (never called: the bench records the gateway's answer itself, as the worker would). */
const BENCH_GATEWAYS = new GatewayRegistry([seedGateway("alipay")]);

async function appDecide(db: Db, setup: Setup, jobs: JobSender, r: AppRequest, onStep: (label: string) => void = () => {}): Promise<number> {
  let version = 1;
  let decisions = 0;
  for (const step of STEPS[r.work.kind]) {
    const actor: Actor =
      step.who === "customer" ? { type: "customer", id: r.work.customerId, role: "customer" } : { type: "staff", id: setup.staff[step.who], role: ROLE[step.who] };
    const input: ActInput = { requestId: r.id, expectedVersion: version, action: step.action };
    if (step.action === "refund") input.refunding = { gateways: BENCH_GATEWAYS, jobs };
    if (step.action === "ship") input.shipment = { carrier: "sf", trackingNo: "SF1234567890123" };
    if (step.action === "ship_replacement") input.shipment = { carrier: "sf", trackingNo: "SF9876543210987" };
    if (step.action === "receive") input.inspection = { lines: [{ returnLineId: r.lineId!, receivedQuantity: 1, condition: "as_new" }] };
    const res = await actOnRequest(db, actor, input);
    onStep(step.action);
    decisions++;
    version = res.version;
    if (res.refundId) {
      const answer = { state: "succeeded" as const, gatewayRefundId: `B${res.refundId}`, amountFen: 0, succeededAt: null };
      if ((await recordGatewayAnswer(db, res.refundId, answer, { call: true }))?.status !== "succeeded") throw new Error("bench: refund not paid");
      onStep("payout + refund_succeeded");
      decisions++;
    }
  }
  return decisions;
}

// ---------------------------------------------------------------- ceiling: the same rows, minimal SQL

type Sql = postgres.Sql;

interface SqlRequest {
  work: Work;
  id: string;
  rmaNo: string;
  lineId: string;
  state: RequestState;
  version: number;
  seq: number;
  prevHash: string;
  requestedFen: number;
  deadlineAt: Date | null;
  carrier: string | null;
  trackingNo: string | null;
  refundId: string | null;
}

async function insertEvent(tx: postgres.TransactionSql, r: SqlRequest, e: Omit<HistoryEvent, "requestId" | "seq" | "createdAt" | "reasonCode" | "comment">, now: Date) {
  const c = chain({ ...e, requestId: r.id, seq: r.seq + 1, reasonCode: null, comment: null, createdAt: now }, r.prevHash);
  await tx`INSERT INTO return_events (request_id, seq, actor_type, actor_id, role, action, from_status, to_status, reason_code, comment, changes, created_at, prev_hash, hash)
    VALUES (${c.requestId}, ${c.seq}, ${c.actorType}, ${c.actorId}, ${c.role}, ${c.action}, ${c.fromStatus}, ${c.toStatus}, NULL, NULL, ${tx.json(c.changes as postgres.JSONValue)}, ${now}, ${c.prevHash}, ${c.hash})`;
  return c.hash;
}

/** request + line + claim + first event: four statements in one transaction; route and amount computed in memory. */
async function sqlSubmit(sql: Sql, setup: Setup, w: Work): Promise<SqlRequest> {
  const now = new Date();
  const type = TYPE[w.kind];
  const refund = refundableFen({ paidFen: w.paidFen, quantity: 1 }, 0, 1);
  const route: Route = decideRoute(setup.policy.policy, { type, amountFen: refund, categories: [{ code: w.categoryCode, highValue: w.highValue }], priorReturns: 0 });
  const status = firstStatus(route);
  const r: SqlRequest = {
    work: w,
    id: randomUUID(),
    rmaNo: newRmaNumber(now),
    lineId: randomUUID(),
    state: { status, type, route, infoReturnStatus: null, appealUsed: false, refundApprovedBy: null, goodsReceived: false },
    version: 1,
    seq: 0,
    prevHash: GENESIS_HASH,
    requestedFen: type === "exchange" ? 0 : refund,
    deadlineAt: deadlineFor(status, setup.policy.policy, now),
    carrier: null,
    trackingNo: null,
    refundId: null,
  };
  const hash = await sql.begin(async (tx) => {
    await tx`INSERT INTO return_requests (id, rma_no, order_id, customer_id, type, status, route, policy_id, requested_refund_fen, deadline_at, idempotency_key, created_at, updated_at)
      VALUES (${r.id}, ${r.rmaNo}, ${w.orderId}, ${w.customerId}, ${type}, ${status}, ${tx.json(route as unknown as postgres.JSONValue)}, ${setup.policy.id}, ${r.requestedFen}, ${r.deadlineAt}, ${randomUUID()}, ${now}, ${now})`;
    await tx`INSERT INTO return_lines (id, request_id, order_line_id, quantity, refund_fen, reason_code, exchange_sku_id)
      VALUES (${r.lineId}, ${r.id}, ${w.orderLineId}, 1, ${r.requestedFen}, 'quality_problem', ${w.exchangeTo ? setup.skuIds.get(w.exchangeTo.code)! : null})`;
    await tx`UPDATE order_lines SET claimed_quantity = claimed_quantity + 1 WHERE id = ${w.orderLineId}`;
    return insertEvent(
      tx,
      r,
      { actorType: "customer", actorId: w.customerId, role: "customer", action: "submit", fromStatus: null, toStatus: status, changes: { type, requestedRefundFen: r.requestedFen, route: route.stages } },
      now,
    );
  });
  r.seq = 1;
  r.prevHash = hash;
  return r;
}

/** One step: the status/version update (optimistic check in the WHERE), the step's own rows, the event. */
async function sqlStep(sql: Sql, setup: Setup, r: SqlRequest, action: Action, who: Who | "system", extra: { gatewayRefundId?: string } = {}) {
  const now = new Date();
  const actorId = who === "customer" ? r.work.customerId : who === "system" ? "system" : setup.staff[who];
  const role: ActorRole = who === "system" ? "system" : ROLE[who];
  const t = transition(r.state, { action, role, actorId, inspectionMatches: action === "receive" ? true : undefined });
  const next = { ...r.state, ...t.changes, status: t.to };
  const deadline = nextDeadline(t.from, t.to, setup.policy.policy, now, r.deadlineAt);
  const carrier = action === "ship" ? "sf" : r.carrier;
  const trackingNo = action === "ship" ? "SF1234567890123" : r.trackingNo;
  const refundId = action === "refund" ? randomUUID() : r.refundId;
  const hash = await sql.begin(async (tx) => {
    if (action === "receive") await tx`UPDATE return_lines SET received_quantity = 1, condition = 'as_new' WHERE id = ${r.lineId}`;
    if (action === "refund") {
      await tx`INSERT INTO refunds (id, request_id, order_id, amount_fen, out_refund_no, gateway, channel, attempts) VALUES (${refundId}, ${r.id}, ${r.work.orderId}, ${r.requestedFen}, ${`RF${r.rmaNo}-1`}, 'alipay', 'alipay', 1)`;
      await tx`UPDATE orders SET refunded_fen = refunded_fen + ${r.requestedFen} WHERE id = ${r.work.orderId}`;
    }
    if (action === "refund_succeeded") await tx`UPDATE refunds SET status = 'succeeded', gateway_refund_id = ${extra.gatewayRefundId ?? null}, updated_at = ${now} WHERE id = ${refundId}`;
    const updated = await tx`UPDATE return_requests SET status = ${t.to}, version = version + 1, updated_at = ${now}, deadline_at = ${deadline},
        goods_received = ${next.goodsReceived}, return_carrier = ${carrier}, return_tracking_no = ${trackingNo}
      WHERE id = ${r.id} AND version = ${r.version}`;
    if (updated.count !== 1) throw new Error("bench: version conflict in the ceiling path");
    return insertEvent(
      tx,
      r,
      { actorType: who === "system" ? "system" : who === "customer" ? "customer" : "staff", actorId: who === "system" ? null : actorId, role, action, fromStatus: t.from, toStatus: t.to, changes: { ...t.changes } },
      now,
    );
  });
  Object.assign(r, { state: next, version: r.version + 1, seq: r.seq + 1, prevHash: hash, deadlineAt: deadline, carrier, trackingNo, refundId });
}

async function sqlDecide(sql: Sql, setup: Setup, r: SqlRequest, onStep: (label: string) => void = () => {}): Promise<number> {
  let decisions = 0;
  for (const step of STEPS[r.work.kind]) {
    await sqlStep(sql, setup, r, step.action, step.who);
    onStep(step.action);
    decisions++;
    if (step.action === "refund") {
      await sqlStep(sql, setup, r, "refund_succeeded", "system", { gatewayRefundId: `B${r.rmaNo}` });
      onStep("payout + refund_succeeded");
      decisions++;
    }
  }
  return decisions;
}

// ---------------------------------------------------------------- measuring

interface PathImpl<R> {
  submit: (w: Work) => Promise<R>;
  /** Untimed preparation between the phases (what a staff screen would already have loaded). */
  between?: (requests: R[]) => Promise<void>;
  decide: (r: R, onStep?: (label: string) => void) => Promise<number>;
}

interface StepProfile {
  roundTrips: number;
  ms: number;
  count: number;
}

/** A path with its request handles hidden, so paths of different kinds can take turns. */
interface Path {
  name: string;
  submitS: number;
  decideS: number;
  requests: number;
  decisions: number;
  /** This process's CPU time (user + system) during the timed phases, in seconds. */
  submitCpuS: number;
  decideCpuS: number;
  submit: (work: Work[], timed: boolean) => Promise<void>;
  decide: (timed: boolean) => Promise<void>;
  profile: (work: Work[]) => Promise<Map<string, StepProfile>>;
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
}

/**
 * `impl` is timed; `counted` does the same work on a client that counts statements, used only
 * for the sequential profile (postgres-js's `debug` hook captures a stack trace per query, which
 * would weigh on the timed runs).
 */
function path<R>(name: string, impl: PathImpl<R>, counted: { impl: PathImpl<R>; counter: { n: number } }): Path {
  const { counter } = counted;
  let pending: R[] = [];
  const p: Path = {
    name,
    submitS: 0,
    decideS: 0,
    requests: 0,
    decisions: 0,
    submitCpuS: 0,
    decideCpuS: 0,
    async submit(work, timed) {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      pending = await runPool(work, CONCURRENCY, impl.submit);
      if (timed) {
        p.submitCpuS += cpuSeconds(cpu0);
        p.submitS += (performance.now() - t0) / 1000;
        p.requests += pending.length;
      }
      await impl.between?.(pending);
    },
    async decide(timed) {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const counts = await runPool(pending, CONCURRENCY, (r) => impl.decide(r));
      if (timed) {
        p.decideCpuS += cpuSeconds(cpu0);
        p.decideS += (performance.now() - t0) / 1000;
        p.decisions += counts.reduce((a, b) => a + b, 0);
      }
    },
    // One request at a time, so each step's statements (BEGIN/COMMIT included) and latency can be attributed.
    async profile(work) {
      const out = new Map<string, StepProfile>();
      const add = (label: string, roundTrips: number, ms: number) => {
        const prev = out.get(label) ?? { roundTrips: 0, ms: 0, count: 0 };
        out.set(label, { roundTrips: prev.roundTrips + roundTrips, ms: prev.ms + ms, count: prev.count + 1 });
      };
      for (const w of work) {
        let before = counter.n;
        let t = performance.now();
        const r = await counted.impl.submit(w);
        add("submit", counter.n - before, performance.now() - t);
        await counted.impl.between?.([r]);
        before = counter.n;
        t = performance.now();
        await counted.impl.decide(r, (label) => {
          add(label, counter.n - before, performance.now() - t);
          before = counter.n;
          t = performance.now();
        });
      }
      return out;
    },
  };
  return p;
}

/**
 * Each round: every path submits its share, then every path decides its share. Taking turns
 * spreads whatever else the machine is doing evenly over the paths.
 */
async function measure(paths: Path[], warmUp: Work[], work: Work[], rounds: number): Promise<void> {
  for (const p of paths) {
    await p.submit(warmUp, false);
    await p.decide(false);
  }
  const size = Math.ceil(work.length / rounds);
  for (let i = 0; i < work.length; i += size) {
    for (const p of paths) await p.submit(work.slice(i, i + size), true);
    for (const p of paths) await p.decide(true);
  }
}

function client(url: string, counter?: { n: number }) {
  // `debug` sees every statement sent, BEGIN and COMMIT included: the statement count.
  return postgres(url, { max: POOL, onnotice: () => {}, ...(counter ? { debug: () => counter.n++ } : {}), connection: { application_name: "bench" } });
}

const rate = (n: number, s: number) => (n / s).toFixed(0).padStart(8);
const pct = (a: number) => `${(a * 100).toFixed(0)}%`.padStart(8);

async function main() {
  const tmp = mkdtempSync(path_.join(os.tmpdir(), "tuihuanhuo-bench-"));
  // mkdtemp makes a 0700 folder; as root, PostgreSQL runs as the `postgres` user and must get in.
  chmodSync(tmp, 0o755);
  const databases = ["bench_app", "bench_sql"];
  const server = await startEmbeddedPostgres({ dataDir: path_.join(tmp, "pg"), persistent: false, databases });
  const clients: postgres.Sql[] = [];
  try {
    const perKind = 10;
    const all = planWork(WARM_UP + N + perKind * KINDS.length);
    const warmUp = all.slice(0, WARM_UP);
    const work = all.slice(WARM_UP, WARM_UP + N);
    const profiled = all.slice(WARM_UP + N);
    const staff = { cs: randomUUID(), ops: randomUUID(), warehouse: randomUUID(), finance: randomUUID() };
    const setups = new Map<string, Setup>();
    for (const name of databases) {
      await runMigrations(server.url(name));
      setups.set(name, await setUp(server.url(name), all, staff));
    }

    const appPath = (name: string, database: string) => {
      const setup = setups.get(database)!;
      const build = (counter?: { n: number }): PathImpl<AppRequest> => {
        const pg = client(server.url(database), counter);
        clients.push(pg);
        const db = drizzleOver(pg);
        const jobs = jobSender(pg);
        return { submit: (w) => appSubmit(db, setup, w), between: (rs) => attachLineIds(db, rs), decide: (r, onStep) => appDecide(db, setup, jobs, r, onStep) };
      };
      const counter = { n: 0 };
      return path<AppRequest>(name, build(), { impl: build(counter), counter });
    };
    const sqlSetup = setups.get("bench_sql")!;
    const sqlPath = (counter?: { n: number }): PathImpl<SqlRequest> => {
      const sql = client(server.url("bench_sql"), counter);
      clients.push(sql);
      return { submit: (w) => sqlSubmit(sql, sqlSetup, w), decide: (r, onStep) => sqlDecide(sql, sqlSetup, r, onStep) };
    };
    const sqlCounter = { n: 0 };
    const ceiling = path<SqlRequest>("ceiling", sqlPath(), { impl: sqlPath(sqlCounter), counter: sqlCounter });
    const app = appPath("app", "bench_app");
    const paths = [app, ceiling];

    await measure(paths, warmUp, work, ROUNDS);
    const profiles: Map<string, StepProfile>[] = [];
    for (const p of paths) profiles.push(await p.profile(profiled));

    const [version] = await clients[0]!<{ v: string }[]>`SELECT current_setting('server_version') AS v`;
    const [load] = os.loadavg();
    console.log(`lifecycle bench: N=${N} requests (${N / KINDS.length} per route: ${KINDS.join(", ")}), ${CONCURRENCY} in flight, pool ${POOL}, ${ROUNDS} interleaved rounds`);
    console.log(`PostgreSQL ${version?.v} embedded (fsync=off, synchronous_commit=off), Node ${process.version}, ${os.cpus().length} CPUs, load average ${load?.toFixed(1)}\n`);
    console.log("path              requests/s  decisions/s   app/ceiling req  app/ceiling dec   (submit s / decide s, decisions)");
    const ceilingReq = ceiling.requests / ceiling.submitS;
    const ceilingDec = ceiling.decisions / ceiling.decideS;
    for (const p of paths) {
      console.log(
        `${p.name.padEnd(16)}  ${rate(p.requests, p.submitS)}    ${rate(p.decisions, p.decideS)}      ${pct(p.requests / p.submitS / ceilingReq)}         ${pct(p.decisions / p.decideS / ceilingDec)}         (${p.submitS.toFixed(2)} / ${p.decideS.toFixed(2)}, ${p.decisions})`,
      );
    }
    console.log(
      `node CPU per submission / per decision (ms): ${paths.map((p) => `${p.name} ${((p.submitCpuS / p.requests) * 1000).toFixed(2)} / ${((p.decideCpuS / p.decisions) * 1000).toFixed(2)}`).join(", ")}`,
    );
    const ok = app.requests / app.submitS >= 0.4 * ceilingReq && app.decisions / app.decideS >= 0.4 * ceilingDec;
    console.log(`goal app ≥ 40% of ceiling: ${ok ? "met" : "NOT met"}`);
    console.log("");

    console.log(`per step, one request at a time (${perKind} per route): statements sent incl. BEGIN/COMMIT | mean latency ms`);
    console.log(`step                      ${paths.map((p) => p.name.padStart(16)).join("")} |${paths.map((p) => p.name.padStart(16)).join("")}`);
    for (const label of profiles[0]!.keys()) {
      const cells = (f: (p: StepProfile) => number, digits: number) =>
        profiles.map((pr) => {
          const p = pr.get(label);
          return (p ? (f(p) / p.count).toFixed(digits) : "-").padStart(16);
        });
      console.log(`${label.padEnd(25)} ${cells((p) => p.roundTrips, 1).join("")} |${cells((p) => p.ms, 2).join("")}`);
    }
  } finally {
    for (const c of clients) await c.end();
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
