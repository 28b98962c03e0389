/**
 * postgres-js (3.4.9 + patches/postgres+3.4.9.patch, what the app runs) against node-postgres
 * (pg) on a transaction shaped like a submission: lock a row, read, insert, update, in one
 * transaction. docs/decisions/020-database-failure.md records the figures and the decision.
 *
 *   npm run bench:db-driver -- [--n 2000] [--concurrency 8] [--pool 10] [--rounds 3]
 *
 * Paths, taking turns in rounds on the same throw-away embedded PostgreSQL:
 *   postgres-js      sql.begin + tagged templates (prepared statements, the driver's default)
 *   pg               pool.connect + BEGIN/COMMIT, named (prepared) queries
 *   drizzle/pjs      drizzle over postgres-js as the app builds it (db/client.ts drizzleOver)
 *   drizzle/pg       drizzle-orm/node-postgres, db.transaction + execute (unnamed statements)
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql as dsql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import postgres from "postgres";
import { drizzleOver } from "../../db/client";
import { startEmbeddedPostgres } from "../../db/embedded";

const { values: args } = parseArgs({
  options: { n: { type: "string", default: "2000" }, concurrency: { type: "string", default: "8" }, pool: { type: "string", default: "10" }, rounds: { type: "string", default: "3" } },
});
const N = Number(args.n);
const CONCURRENCY = Number(args.concurrency);
const POOL = Number(args.pool);
const ROUNDS = Number(args.rounds);
const ORDERS = 1_000;

type Txn = (orderId: number, payload: string) => Promise<void>;

const SQL = {
  lock: "SELECT id, version FROM bench_orders WHERE id = $1 FOR UPDATE",
  count: "SELECT count(*)::int AS n FROM bench_items WHERE order_id = $1",
  insert: "INSERT INTO bench_items (order_id, payload) VALUES ($1, $2::jsonb) RETURNING id",
  bump: "UPDATE bench_orders SET version = version + 1 WHERE id = $1",
};

async function measure(name: string, txn: Txn): Promise<{ name: string; perSecond: number; p50: number; p95: number; p99: number; cpuMs: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  // Node CPU per transaction: the part the driver decides, and steadier than rates on a shared machine.
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        const i = next++;
        const t0 = performance.now();
        await txn((i % ORDERS) + 1, JSON.stringify({ line: i, reason: "size_not_fit", note: "x".repeat(64) }));
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { name, perSecond: N / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), cpuMs: (used.user + used.system) / 1000 / N };
}

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "tuihuanhuo-bench-driver-"));
  chmodSync(tmp, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), persistent: false, databases: ["bench"] });
  const url = server.url("bench");
  const pjs = postgres(url, { max: POOL, onnotice: () => {} });
  const pgPool = new pg.Pool({ connectionString: url, max: POOL });
  // The failure a pooled client reports while idle (the database went away) must not crash the process.
  pgPool.on("error", () => {});
  const pjsForDrizzle = postgres(url, { max: POOL, onnotice: () => {} });
  const dzPjs = drizzleOver(pjsForDrizzle);
  const pgPoolForDrizzle = new pg.Pool({ connectionString: url, max: POOL });
  pgPoolForDrizzle.on("error", () => {});
  const dzPg = drizzlePg(pgPoolForDrizzle);
  try {
    await pjs.unsafe(`CREATE TABLE bench_orders (id int PRIMARY KEY, version int NOT NULL DEFAULT 0);
      CREATE TABLE bench_items (id bigserial PRIMARY KEY, order_id int NOT NULL REFERENCES bench_orders(id), payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
      CREATE INDEX ON bench_items (order_id);
      INSERT INTO bench_orders (id) SELECT generate_series(1, ${ORDERS});`);

    const paths: [string, Txn][] = [
      [
        "postgres-js",
        async (id, payload) => {
          await pjs.begin(async (tx) => {
            await tx.unsafe(SQL.lock, [id], { prepare: true });
            await tx.unsafe(SQL.count, [id], { prepare: true });
            await tx.unsafe(SQL.insert, [id, payload], { prepare: true });
            await tx.unsafe(SQL.bump, [id], { prepare: true });
          });
        },
      ],
      [
        "pg",
        async (id, payload) => {
          const client = await pgPool.connect();
          try {
            await client.query("BEGIN");
            await client.query({ name: "lock", text: SQL.lock, values: [id] });
            await client.query({ name: "count", text: SQL.count, values: [id] });
            await client.query({ name: "insert", text: SQL.insert, values: [id, payload] });
            await client.query({ name: "bump", text: SQL.bump, values: [id] });
            await client.query("COMMIT");
            client.release();
          } catch (error) {
            // A client whose ROLLBACK fails is broken: release(true) destroys it instead of pooling it.
            await client.query("ROLLBACK").then(
              () => client.release(),
              (e: Error) => client.release(e),
            );
            throw error;
          }
        },
      ],
      [
        "drizzle/pjs",
        async (id, payload) => {
          await dzPjs.transaction(async (tx) => {
            await tx.execute(dsql`SELECT id, version FROM bench_orders WHERE id = ${id} FOR UPDATE`);
            await tx.execute(dsql`SELECT count(*)::int AS n FROM bench_items WHERE order_id = ${id}`);
            await tx.execute(dsql`INSERT INTO bench_items (order_id, payload) VALUES (${id}, ${payload}::jsonb) RETURNING id`);
            await tx.execute(dsql`UPDATE bench_orders SET version = version + 1 WHERE id = ${id}`);
          });
        },
      ],
      [
        "drizzle/pg",
        async (id, payload) => {
          await dzPg.transaction(async (tx) => {
            await tx.execute(dsql`SELECT id, version FROM bench_orders WHERE id = ${id} FOR UPDATE`);
            await tx.execute(dsql`SELECT count(*)::int AS n FROM bench_items WHERE order_id = ${id}`);
            await tx.execute(dsql`INSERT INTO bench_items (order_id, payload) VALUES (${id}, ${payload}::jsonb) RETURNING id`);
            await tx.execute(dsql`UPDATE bench_orders SET version = version + 1 WHERE id = ${id}`);
          });
        },
      ],
    ];

    // Warm up: connections open, statements prepared.
    for (const [, txn] of paths) for (let i = 0; i < 50; i++) await txn((i % ORDERS) + 1, "{}");

    const results = new Map<string, { perSecond: number[]; p50: number[]; p95: number[]; p99: number[]; cpuMs: number[] }>();
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, txn] of round % 2 ? paths : [...paths].reverse()) {
        const r = await measure(name, txn);
        const acc = results.get(name) ?? { perSecond: [], p50: [], p95: [], p99: [], cpuMs: [] };
        acc.cpuMs.push(r.cpuMs);
        acc.perSecond.push(r.perSecond);
        acc.p50.push(r.p50);
        acc.p95.push(r.p95);
        acc.p99.push(r.p99);
        results.set(name, acc);
        console.log(`round ${round} ${name.padEnd(12)} ${r.perSecond.toFixed(0).padStart(6)} tx/s  p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  Node CPU ${r.cpuMs.toFixed(3)} ms/tx`);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`\nN=${N} per round, ${CONCURRENCY} in flight, pool ${POOL}, ${ROUNDS} rounds (medians):`);
    console.log("| driver | tx/s | p50 ms | p95 ms | p99 ms | Node CPU ms/tx |\n|---|---|---|---|---|---|");
    for (const [name, r] of results) {
      console.log(`| ${name} | ${median(r.perSecond).toFixed(0)} | ${median(r.p50).toFixed(2)} | ${median(r.p95).toFixed(2)} | ${median(r.p99).toFixed(2)} | ${median(r.cpuMs).toFixed(3)} |`);
    }
  } finally {
    await pjs.end({ timeout: 1 });
    await pjsForDrizzle.end({ timeout: 1 });
    await pgPool.end();
    await pgPoolForDrizzle.end();
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
