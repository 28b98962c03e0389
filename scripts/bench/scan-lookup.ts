/**
 * The scan lookup's server time on the 1M-request database of seed-volume.ts: the service
 * function (lookupCode, what `warehouse.lookup` runs) on its own connection pool, timed in
 * process — SQL plus mapping, no HTTP. Scenarios: RMA numbers of requests waiting for goods (the
 * full answer: lines, photos, parcels), RMA numbers of any request (mostly "not awaiting"), return
 * tracking numbers, and misses (RMA-shaped and tracking-shaped codes nothing has, each also
 * looked up among the unmatched parcels). Prints p50 / p95 / p99 per scenario, then EXPLAIN
 * (ANALYZE, BUFFERS) of each statement of one RMA and one tracking-number lookup.
 *
 * Before timing, the database gets receiving data of a realistic shape if it has none: one
 * parcel (one line) for every request whose goods arrived, a second parcel for one in ten, and
 * 20,000 unmatched parcels (2,000 of them linked).
 *
 *   npx tsx scripts/bench/seed-volume.ts       # once (BENCH_REQUESTS=200000 for a smaller one)
 *   npx tsx scripts/bench/scan-lookup.ts       # BENCH_SAMPLES=400
 */
import postgres from "postgres";
import { drizzleOver } from "../../db/client";
import { lookupCode } from "../../server/services/receiving/lookup";
import { openBenchDatabase } from "./seed-volume";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 400);
const WARMUP = 20;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (n: number) => n.toFixed(2).padStart(8);

async function seedReceiving(sql: postgres.Sql) {
  const [{ n }] = (await sql`SELECT count(*)::int AS n FROM receipt_parcels`) as unknown as [{ n: number }];
  if (n > 0) return console.log(`receiving data present: ${n.toLocaleString()} parcels`);
  const t0 = Date.now();
  await sql.begin(async (tx) => {
    await tx.unsafe("SET LOCAL synchronous_commit = off");
    await tx.unsafe(`
      CREATE TEMP TABLE clerk AS SELECT id FROM staff_users WHERE role = 'warehouse' LIMIT 1;
      INSERT INTO receipt_parcels (request_id, seq, tracking_no, carrier, received_by, received_at)
      SELECT r.id, 1, r.return_tracking_no, r.return_carrier, (SELECT id FROM clerk), r.updated_at
      FROM return_requests r
      WHERE r.type <> 'refund_only' AND r.status IN ('inspection_mismatch','pending_refund','refunding','pending_replacement','completed');
      INSERT INTO receipt_parcels (request_id, seq, received_by, received_at)
      SELECT p.request_id, 2, p.received_by, p.received_at FROM receipt_parcels p WHERE hashtext(p.request_id::text) % 10 = 0;
      INSERT INTO receipt_parcel_lines (parcel_id, return_line_id, quantity, condition, disposition)
      SELECT p.id, l.id, CASE WHEN p.seq = 1 THEN l.quantity ELSE 0 END, 'as_new', 'restock'
      FROM receipt_parcels p JOIN return_lines l ON l.request_id = p.request_id;
      INSERT INTO unmatched_parcels (tracking_no, carrier, note, recorded_by, recorded_at)
      SELECT 'YT' || (500000000000 + g), 'yto', '面单破损', (SELECT id FROM clerk), now() - make_interval(mins => g)
      FROM generate_series(1, 20000) g;
      UPDATE unmatched_parcels u SET linked_request_id = r.id, linked_by = u.recorded_by, linked_at = u.recorded_at + interval '1 hour'
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS k FROM return_requests WHERE status = 'completed' AND type <> 'refund_only' LIMIT 2000) r
      WHERE u.tracking_no = 'YT' || (500000000000 + r.k);`);
  });
  await sql.unsafe("VACUUM ANALYZE receipt_parcels, receipt_parcel_lines, unmatched_parcels");
  const [{ parcels }] = (await sql`SELECT count(*)::int AS parcels FROM receipt_parcels`) as unknown as [{ parcels: number }];
  console.log(`seeded ${parcels.toLocaleString()} parcels and 20,000 unmatched parcels in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

async function sample(sql: postgres.Sql, query: string, n: number): Promise<string[]> {
  return ((await sql.unsafe(query, [n])) as unknown as { code: string }[]).map((r) => r.code);
}

const database = await openBenchDatabase();
const admin = postgres(database.url, { max: 1, onnotice: () => {} });
const pool = postgres(database.url, { max: 4, onnotice: () => {} });
try {
  await seedReceiving(admin);
  const [{ requests }] = (await admin`SELECT count(*)::int AS requests FROM return_requests`) as unknown as [{ requests: number }];
  const [clerk] = (await admin`SELECT id FROM staff_users WHERE role = 'warehouse' LIMIT 1`) as unknown as [{ id: string }];
  const viewer = { id: clerk.id, role: "warehouse" as const };
  const db = drizzleOver(pool);

  const random = "ORDER BY random() LIMIT $1";
  const scenarios: [string, string[]][] = [
    ["RMA, awaiting goods", await sample(admin, `SELECT rma_no AS code FROM return_requests WHERE status IN ('awaiting_shipment','in_transit') ${random}`, SAMPLES)],
    ["RMA, any request", await sample(admin, `SELECT rma_no AS code FROM return_requests TABLESAMPLE SYSTEM (1) ${random}`, SAMPLES)],
    ["RMA, received (parcels)", await sample(admin, `SELECT r.rma_no AS code FROM return_requests r WHERE r.status = 'completed' AND r.type <> 'refund_only' AND r.id IN (SELECT request_id FROM receipt_parcels TABLESAMPLE SYSTEM (1)) ${random}`, SAMPLES)],
    ["tracking number", await sample(admin, `SELECT return_tracking_no AS code FROM return_requests WHERE status = 'in_transit' AND return_tracking_no IS NOT NULL ${random}`, SAMPLES)],
    ["tracking number, unmatched", await sample(admin, `SELECT tracking_no AS code FROM unmatched_parcels WHERE linked_request_id IS NULL ${random}`, SAMPLES)],
    ["miss, RMA-shaped", Array.from({ length: SAMPLES }, (_, i) => `RMA20991231${(0x10000000 + i).toString(16).toUpperCase()}`)],
    ["miss, tracking-shaped", Array.from({ length: SAMPLES }, (_, i) => `ZT${900000000000 + i}`)],
  ];

  console.log(`\nscan lookup, ${requests.toLocaleString()} requests, ${SAMPLES} samples per scenario (service time in process, ms)\n`);
  console.log(`${"scenario".padEnd(30)}      p50      p95      p99      max  answers`);
  for (const [label, codes] of scenarios) {
    for (const code of codes.slice(0, WARMUP)) await lookupCode(db, viewer, code);
    const times: number[] = [];
    const kinds = new Map<string, number>();
    for (const code of codes) {
      const t = performance.now();
      const out = await lookupCode(db, viewer, code);
      times.push(performance.now() - t);
      const kind = out.kind === "request" ? (out.request.notAwaiting ?? "awaiting") : out.kind;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    times.sort((a, b) => a - b);
    const answers = [...kinds].map(([k, n]) => `${k} ${n}`).join(", ");
    console.log(`${label.padEnd(30)} ${ms(pct(times, 50))} ${ms(pct(times, 95))} ${ms(pct(times, 99))} ${ms(times.at(-1)!)}  ${answers}`);
  }

  // The plans behind one RMA and one tracking-number lookup: every statement the service sends.
  for (const [label, code] of [
    ["RMA", scenarios[0]![1][0]!],
    ["tracking number", scenarios[3]![1][0]!],
  ] as const) {
    const captured: { query: string; params: unknown[] }[] = [];
    const spy = postgres(database.url, { max: 1, onnotice: () => {}, debug: (_c, query, params) => captured.push({ query, params: params as unknown[] }) });
    await lookupCode(drizzleOver(spy), viewer, code);
    await spy.end();
    for (const c of captured) {
      const plan = await admin.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${c.query}`, c.params as never[]);
      console.log(`\n--- ${label}: ${c.query.replace(/\s+/g, " ").slice(0, 90)}…`);
      for (const line of plan) console.log(String(Object.values(line)[0]));
    }
  }
} finally {
  await pool.end();
  await admin.end();
  await database.stop();
}
