/**
 * Keyset pages over a few thousand requests (inserted with SQL, not through the API: the volume
 * is the point). Rows are added between pages, before and after the cursor; every row that
 * existed at the start must come exactly once, in the queue order, and no row twice.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db";
import { makeOrder, staffCaller, submitFor } from "../../test/fixtures";

const { db } = await createTestDatabase();

const VOLUME = 3000;
let batch = 0;

/**
 * `n` requests of the given statuses for one existing order. Deadlines fall on whole hours (many
 * ties), a tenth have none, and each INSERT gives all its rows the same created_at, so the id
 * is what breaks ties: the cases a sloppy cursor gets wrong.
 */
async function insertRequests(n: number, statuses: string[], opts: { hoursFrom?: number } = {}) {
  batch += 1;
  const statusArray = `{${statuses.join(",")}}`;
  await db.execute(sql`
    INSERT INTO return_requests (rma_no, order_id, customer_id, type, status, route, policy_id, requested_refund_fen, deadline_at, idempotency_key)
    SELECT 'RMA' || to_char(now(), 'YYYYMMDD') || upper(substr(md5(${batch}::text || '-' || g::text), 1, 8)),
           o.id, o.customer_id, 'refund_only', (${statusArray}::return_status[])[1 + g % ${statuses.length}],
           '{"stages":["cs_review","refund"],"matchedRules":[]}'::jsonb, p.id, 1000 + g,
           CASE WHEN g % 10 = 0 THEN NULL ELSE date_trunc('hour', now()) + make_interval(hours => ${opts.hoursFrom ?? 0} + g % 97) END,
           'volume-' || ${batch}::text || '-' || g::text
    FROM generate_series(1, ${n}) g,
         (SELECT id, customer_id FROM orders LIMIT 1) o,
         (SELECT id FROM approval_policies ORDER BY version DESC LIMIT 1) p`);
}

type Caller = Awaited<ReturnType<typeof staffCaller>>["caller"];
let admin: Caller;
let ops: Caller;

beforeAll(async () => {
  ({ caller: admin } = await staffCaller(db, "admin"));
  ({ caller: ops } = await staffCaller(db, "operations_manager"));
  // One real request, so there is an order, a customer and a policy to hang the volume on.
  await submitFor(db, await makeOrder(db, [{ priceFen: 10_00 }]), "refund_only");
  await insertRequests(VOLUME, ["pending_cs_review", "pending_ops_review", "inspection_mismatch", "awaiting_shipment", "completed"]);
});

interface Row {
  id: string;
  deadlineAt: Date | null;
  createdAt: Date;
}

/** The queue order on what the API returns (milliseconds; ties broken by id as the server does). */
function inOrder(a: Row, b: Row): boolean {
  const da = a.deadlineAt?.getTime() ?? Infinity;
  const dbt = b.deadlineAt?.getTime() ?? Infinity;
  if (da !== dbt) return da < dbt;
  if (a.createdAt.getTime() !== b.createdAt.getTime()) return a.createdAt.getTime() < b.createdAt.getTime();
  return a.id < b.id;
}

async function walk(caller: Caller, between: (page: number) => Promise<void>, input: { limit: number; status?: "pending_ops_review" } = { limit: 100 }) {
  const seen: Row[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const res = await caller.staff.queue({ ...input, cursor });
    seen.push(...res.items);
    if (!res.nextCursor) break;
    cursor = res.nextCursor;
    await between(page);
  }
  return seen;
}

async function openIds(statuses: string[]): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`SELECT id FROM return_requests WHERE status::text = ANY(${`{${statuses.join(",")}}`}::text[])`);
  return rows.map((r) => r.id);
}

describe("keyset pagination", () => {
  it("admin: every open request once, in order, while requests keep arriving", async () => {
    const before = await openIds(["pending_cs_review", "pending_ops_review", "inspection_mismatch", "awaiting_shipment", "needs_info"]);
    // Arrivals both ahead of the cursor (earlier deadlines) and behind it.
    const seen = await walk(admin, (page) => insertRequests(7, ["pending_cs_review", "pending_ops_review"], { hoursFrom: page % 2 === 0 ? -200 : 50 }));
    const ids = seen.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const got = new Set(ids);
    expect(before.filter((id) => !got.has(id))).toEqual([]);
    expect(seen.every((r, i) => i === 0 || inOrder(seen[i - 1]!, r))).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(before.length);
    // Completed requests are not in the open queue.
    expect(seen.length).toBeLessThan(VOLUME + 200);
  });

  it("operations: two statuses merged, small pages, no gap or repeat", async () => {
    const before = await openIds(["pending_ops_review", "inspection_mismatch"]);
    const seen = await walk(ops, () => insertRequests(3, ["inspection_mismatch"], { hoursFrom: -500 }), { limit: 37 });
    const ids = seen.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const got = new Set(ids);
    expect(before.filter((id) => !got.has(id))).toEqual([]);
    expect(seen.every((r, i) => i === 0 || inOrder(seen[i - 1]!, r))).toBe(true);
  });

  it("one status, the last page ends the walk", async () => {
    const before = await openIds(["pending_ops_review"]);
    const seen = await walk(ops, async () => {}, { limit: 100, status: "pending_ops_review" });
    expect(seen.map((r) => r.id).sort()).toEqual([...before].sort());
  });
});
