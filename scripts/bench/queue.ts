/**
 * Queue benchmark over HTTP against `next start` on the 1M-request database of seed-volume.ts.
 * Signs in as each role through Auth.js (csrf + credentials callback, the browser's path), then
 * times each scenario: the queue's first page, a deep keyset page, filters, each search form,
 * the counts, and the request screen (`staff.request`). Beside each p50/p95 over HTTP is the
 * same call's service time (the service function on its own connection: SQL plus mapping).
 * Last, EXPLAIN (ANALYZE, BUFFERS) of the slowest scenario with and without the queue's indexes.
 *
 *   npx tsx scripts/bench/seed-volume.ts   # once
 *   npm run bench:queue                     # BENCH_SAMPLES=40 BENCH_PORT=3190
 *   BENCH_HTTP=0 npm run bench:queue        # service times only: no build, no server
 *
 * Needs a production build (`npm run build`) of the current sources (unless BENCH_HTTP=0).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import postgres from "postgres";
import superjson from "superjson";
import { drizzleOver } from "../../db/client";
import { DEMO_PASSWORD, DEMO_STAFF } from "../../server/auth/demo-accounts";
import type { StaffRole } from "../../server/domain/vocabulary";
import type { QueueFilters } from "../../server/schemas/queue";
import { listQueue } from "../../server/services/queue/list-queue";
import { queueCounts } from "../../server/services/queue/counts";
import { requestForStaff } from "../../server/services/request-view";
import { BENCH_DATA_DIR, openBenchDatabase } from "./seed-volume";

const PORT = Number(process.env.BENCH_PORT ?? 3190);
const BASE = `http://localhost:${PORT}`;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const WARMUP = 5;
const HTTP = process.env.BENCH_HTTP !== "0";

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => n.toFixed(1).padStart(7);

async function waitFor(url: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

/** Auth.js credentials sign-in over HTTP; returns the Cookie header of the session. */
async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: BASE },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, csrfToken, callbackUrl: `${BASE}/dashboard` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed for ${email} (${res.status})`);
  return cookie();
}

async function trpcGet(cookie: string, procedure: string, input: unknown): Promise<unknown> {
  const url = `${BASE}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  const res = await fetch(url, { headers: { cookie } });
  const body = (await res.json()) as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: unknown };
  if (!res.ok || !body.result) throw new Error(`${procedure} ${res.status} ${JSON.stringify(body.error).slice(0, 300)}`);
  return superjson.deserialize(body.result.data);
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

interface Scenario {
  name: string;
  role: StaffRole;
  procedure: "staff.queue" | "staff.queueCounts" | "staff.request";
  input: Record<string, unknown> | undefined;
}

async function main() {
  const database = await openBenchDatabase();
  const client = postgres(database.url, { max: 4, onnotice: () => {} });
  const db = drizzleOver(client);
  const [{ n }] = (await client`SELECT count(*)::int AS n FROM return_requests`) as unknown as [{ n: number }];
  if (n === 0) throw new Error(`no data in ${BENCH_DATA_DIR}: run scripts/bench/seed-volume.ts first`);
  console.log(`${n.toLocaleString()} requests in ${BENCH_DATA_DIR}`);

  const env = { ...process.env, DATABASE_URL: await database.appUrl(), AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123", AUTH_URL: BASE, DEMO_MODE: "0", PORT: String(PORT) };
  const next = HTTP ? spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(PORT)], { env, stdio: "ignore" }) : null;
  try {
    if (HTTP) await waitFor(`${BASE}/login`);
    const cookies = {} as Record<StaffRole, string>;
    const staffIds = {} as Record<StaffRole, string>;
    for (const s of DEMO_STAFF) {
      if (cookies[s.role] || staffIds[s.role]) continue;
      if (HTTP) cookies[s.role] = await signIn(s.email);
      const [row] = (await client`SELECT id FROM staff_users WHERE email = ${s.email}`) as unknown as [{ id: string }];
      staffIds[s.role] = row.id;
    }

    // Search targets picked from the data, open requests (what staff look for).
    const [pick] = (await client`
      SELECT r.id, r.rma_no, o.order_no, c.phone, c.name, r.return_tracking_no
      FROM return_requests r JOIN orders o ON o.id = r.order_id JOIN customers c ON c.id = r.customer_id
      WHERE r.status = 'in_transit' AND r.return_tracking_no IS NOT NULL LIMIT 1`) as unknown as [
      { id: string; rma_no: string; order_no: string; phone: string; name: string; return_tracking_no: string },
    ];

    // A deep page: 40 pages of 50 into the store manager's queue.
    let deep: string | undefined;
    for (let i = 0; i < 40; i++) {
      const page = await listQueue(db, { id: staffIds.admin, role: "admin" }, { cursor: deep, limit: 50 });
      deep = page.nextCursor ?? deep;
    }

    const scenarios: Scenario[] = [
      { name: "cs first page", role: "customer_service", procedure: "staff.queue", input: {} },
      { name: "ops first page (2 statuses)", role: "operations_manager", procedure: "staff.queue", input: {} },
      { name: "warehouse first page (3 st.)", role: "warehouse", procedure: "staff.queue", input: {} },
      { name: "admin first page (11 st.)", role: "admin", procedure: "staff.queue", input: {} },
      { name: "admin deep page (#41)", role: "admin", procedure: "staff.queue", input: { cursor: deep } },
      { name: "cs filter channel+amount", role: "customer_service", procedure: "staff.queue", input: { channel: "jd", minFen: 5000, maxFen: 20000 } },
      { name: "cs filter type+unheld", role: "customer_service", procedure: "staff.queue", input: { type: "exchange", holder: "nobody" } },
      { name: "admin filter overdue", role: "admin", procedure: "staff.queue", input: { overdue: true } },
      { name: "admin filter category", role: "admin", procedure: "staff.queue", input: { category: "c7" } },
      { name: "admin filter dates", role: "admin", procedure: "staff.queue", input: { from: new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) } },
      { name: "search RMA", role: "admin", procedure: "staff.queue", input: { q: pick.rma_no } },
      { name: "search order no", role: "admin", procedure: "staff.queue", input: { q: pick.order_no } },
      { name: "search phone (11)", role: "admin", procedure: "staff.queue", input: { q: pick.phone } },
      { name: "search phone last 4", role: "admin", procedure: "staff.queue", input: { q: pick.phone.slice(-4) } },
      { name: "search tracking no", role: "admin", procedure: "staff.queue", input: { q: pick.return_tracking_no } },
      { name: "search name (full)", role: "admin", procedure: "staff.queue", input: { q: pick.name } },
      { name: "search name (2 chars)", role: "admin", procedure: "staff.queue", input: { q: pick.name.slice(0, 2) } },
      { name: "counts (nav)", role: "admin", procedure: "staff.queueCounts", input: undefined },
      { name: "request screen", role: "admin", procedure: "staff.request", input: { id: pick.id } },
    ];

    const direct = (s: Scenario) => {
      const viewer = { id: staffIds[s.role], role: s.role };
      if (s.procedure === "staff.queue") return () => listQueue(db, viewer, { ...(s.input as QueueFilters & { cursor?: string }), limit: 50 });
      if (s.procedure === "staff.queueCounts") return () => queueCounts(db, s.role);
      return () => requestForStaff(db, (s.input as { id: string }).id, viewer);
    };

    console.log(`\n${"scenario".padEnd(30)} ${"HTTP p50".padStart(8)} ${"p95".padStart(7)}   ${"service p50".padStart(11)} ${"p95".padStart(7)}  rows   (ms, ${SAMPLES} samples)`);
    const results: { s: Scenario; p95: number }[] = [];
    for (const s of scenarios) {
      const out = (HTTP ? await trpcGet(cookies[s.role], s.procedure, s.input) : await direct(s)()) as { items?: unknown[] };
      const http = HTTP ? await time(() => trpcGet(cookies[s.role], s.procedure, s.input)) : [Number.NaN];
      const svc = await time(direct(s));
      const rows = Array.isArray(out?.items) ? String(out.items.length) : "-";
      console.log(`${s.name.padEnd(30)} ${ms(pct(http, 50))} ${ms(pct(http, 95))}   ${ms(pct(svc, 50)).padStart(11)} ${ms(pct(svc, 95))}  ${rows.padStart(4)}`);
      results.push({ s, p95: pct(svc, 95) });
    }

    // EXPLAIN the slowest queue scenario with and without the queue indexes (dropped inside a rolled-back transaction).
    const slowest = results.filter((r) => r.s.procedure === "staff.queue").sort((a, b) => b.p95 - a.p95)[0]!;
    let captured: { query: string; params: unknown[] } | undefined;
    const spy = postgres(database.url, { max: 1, onnotice: () => {}, debug: (_c, query, params) => (captured = { query, params: params as unknown[] }) });
    await listQueue(drizzleOver(spy, { prepare: false }), { id: staffIds[slowest.s.role], role: slowest.s.role }, { ...(slowest.s.input as QueueFilters), limit: 50 });
    await spy.end();
    if (captured) {
      const explain = async (label: string, drop: boolean) => {
        await client
          .begin(async (tx) => {
            if (drop) {
              await tx.unsafe(
                "DROP INDEX return_requests_queue_idx, return_requests_holder_idx, return_requests_tracking_idx, customers_phone_last4_idx, customers_name_trgm_idx",
              );
            }
            const plan = await tx.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${captured!.query}`, captured!.params as never[]);
            console.log(`\n--- ${label}: ${slowest.s.name} ---`);
            for (const line of plan) console.log(String(Object.values(line)[0]));
            throw new Error("rollback");
          })
          .catch((e: Error) => {
            if (e.message !== "rollback") throw e;
          });
      };
      await explain("without the queue indexes", true);
      await explain("with the queue indexes", false);
    }
  } finally {
    next?.kill("SIGTERM");
    await client.end();
    await database.stop();
  }
}

await main();
