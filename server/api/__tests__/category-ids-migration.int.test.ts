/**
 * The queue-category-ids migration on a database that already has requests: each request gets
 * the distinct categories of its lines, so the category filter finds the old requests too.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MIGRATIONS_FOLDER } from "../../../db/migrate";

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
const admin = postgres(inject("pgAdminUrl"), { max: 1, onnotice: () => {} });
const name = `t_mig_catids_${randomBytes(4).toString("hex")}`;
let sql: postgres.Sql;

/** Found by its name so a renumbering on merge does not lose it. */
const TAG = journal.entries.map((e) => e.tag).find((t) => t.endsWith("_queue_category_ids"))!;

async function apply(tag: string) {
  const text = readFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`), "utf8");
  for (const statement of text.split("--> statement-breakpoint")) if (statement.trim()) await sql.unsafe(statement);
}

beforeAll(async () => {
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(inject("pgAdminUrl"));
  url.pathname = `/${name}`;
  sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  for (const tag of journal.entries.map((e) => e.tag).filter((t) => t < TAG)) await apply(tag);
  // One order, two lines in two categories (and a second line in the first category); request
  // "two" covers all three lines, request "one" a single line.
  await sql`
    WITH c AS (INSERT INTO categories (code, name_zh, name_en) VALUES ('cups', '杯子', 'Cups'), ('hats', '帽子', 'Hats') RETURNING id, code),
    p AS (INSERT INTO products (category_id, spu_code, name) SELECT id, 'SPU-' || code, code FROM c RETURNING id, spu_code),
    s AS (INSERT INTO skus (product_id, sku_code, price_fen) SELECT id, 'SKU-' || spu_code, 1000 FROM p RETURNING id, sku_code),
    ch AS (INSERT INTO channels (code, name) VALUES ('own_shop', '自营') RETURNING id),
    cu AS (INSERT INTO customers (phone, name) VALUES ('13800000001', '顾客') RETURNING id),
    o AS (INSERT INTO orders (order_no, channel_id, customer_id, status, payment_method, total_paid_fen)
          SELECT 'MIG000001', ch.id, cu.id, 'delivered', 'alipay', 3000 FROM ch, cu RETURNING id, customer_id),
    ol AS (INSERT INTO order_lines (order_id, sku_id, title, quantity, unit_price_fen, paid_fen)
           SELECT o.id, s.id, s.sku_code || n, 1, 1000, 1000 FROM o, s, generate_series(1, 2) n
           WHERE n = 1 OR s.sku_code = 'SKU-SPU-cups' RETURNING id, title),
    pol AS (INSERT INTO approval_policies (version, policy) VALUES (1, '{}') RETURNING id),
    rr AS (INSERT INTO return_requests (rma_no, order_id, customer_id, type, status, route, policy_id, requested_refund_fen, idempotency_key)
           SELECT 'RMA2026110' || k, o.id, o.customer_id, 'refund_only', 'pending_cs_review', '{"stages":["cs_review","refund"],"matchedRules":[]}', pol.id, 1000, k
           FROM o, pol, (VALUES ('one'), ('two')) v(k) RETURNING id, idempotency_key)
    INSERT INTO return_lines (request_id, order_line_id, quantity, refund_fen, reason_code)
    SELECT rr.id, ol.id, 1, 1000, 'other' FROM rr, ol
    WHERE rr.idempotency_key = 'two' OR ol.title = 'SKU-SPU-hats1'`;
  await apply(TAG);
}, 60_000);

afterAll(async () => {
  await sql?.end();
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describe("the queue-category-ids migration with existing data", () => {
  it("gives each request the distinct categories of its lines", async () => {
    const rows = await sql<{ k: string; codes: string[] }[]>`
      SELECT r.idempotency_key AS k, (SELECT array_agg(c.code ORDER BY c.code) FROM categories c WHERE c.id = ANY(r.category_ids)) AS codes,
             cardinality(r.category_ids) AS n
      FROM return_requests r ORDER BY r.idempotency_key`;
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { k: "one", codes: ["hats"], n: 1 },
      { k: "two", codes: ["cups", "hats"], n: 2 },
    ]);
  });
});
