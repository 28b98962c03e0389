/**
 * EXPLAIN (ANALYZE, BUFFERS) of the queue's heaviest scenarios on the benchmark database of
 * seed-volume.ts, as the service functions send them: the category filter, the name searches
 * and the navigation counts. The figures in docs/benchmarks/queue.md come from here and queue.ts.
 *
 *   npx tsx scripts/bench/queue-explain.ts
 */
import postgres from "postgres";
import { drizzleOver } from "../../db/client";
import { queueCounts } from "../../server/services/queue/counts";
import { listQueue } from "../../server/services/queue/list-queue";
import { openBenchDatabase } from "./seed-volume";

const database = await openBenchDatabase();
const client = postgres(database.url, { max: 1, onnotice: () => {} });
try {
  const [admin] = (await client`SELECT id FROM staff_users WHERE role = 'admin' LIMIT 1`) as unknown as [{ id: string }];
  const [pick] = (await client`
    SELECT c.name FROM return_requests r JOIN customers c ON c.id = r.customer_id
    WHERE r.status = 'in_transit' AND r.return_tracking_no IS NOT NULL LIMIT 1`) as unknown as [{ name: string }];
  const viewer = { id: admin.id, role: "admin" as const };
  const scenarios: [string, (db: ReturnType<typeof drizzleOver>) => Promise<unknown>][] = [
    ["admin filter category", (db) => listQueue(db, viewer, { category: "c7", limit: 50 })],
    [`search name (full) ${pick.name}`, (db) => listQueue(db, viewer, { q: pick.name, limit: 50 })],
    [`search name (2 chars) ${pick.name.slice(0, 2)}`, (db) => listQueue(db, viewer, { q: pick.name.slice(0, 2), limit: 50 })],
    ["counts (nav)", (db) => queueCounts(db, "admin")],
  ];
  for (const [label, run] of scenarios) {
    // Every statement the service sends, then each explained with its parameters.
    const captured: { query: string; params: unknown[] }[] = [];
    const spy = postgres(database.url, { max: 1, onnotice: () => {}, debug: (_c, query, params) => captured.push({ query, params: params as unknown[] }) });
    await run(drizzleOver(spy, { prepare: false }));
    await spy.end();
    for (const c of captured) {
      const plan = await client.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${c.query}`, c.params as never[]);
      console.log(`\n--- ${label} ---`);
      for (const line of plan) console.log(String(Object.values(line)[0]));
    }
  }
} finally {
  await client.end();
  await database.stop();
}
