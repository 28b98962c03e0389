/**
 * The reasons-as-rows migration on a database that already has requests: the enum values become rows with
 * today's names, every request keeps its reason and rejection, and the policy in force hands
 * its reason order, photo rules and disabled reasons over to the rows.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MIGRATIONS_FOLDER } from "../../../db/migrate";

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
const admin = postgres(inject("pgAdminUrl"), { max: 1, onnotice: () => {} });
const name = `t_mig_reasons_${randomBytes(4).toString("hex")}`;
let sql: postgres.Sql;

/** The migration under test, found by its name so a renumbering on merge does not lose it. */
const REASONS_TAG = journal.entries.map((e) => e.tag).find((t) => t.endsWith("_reasons_as_rows"))!;

async function apply(tag: string) {
  const text = readFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`), "utf8");
  for (const statement of text.split("--> statement-breakpoint")) if (statement.trim()) await sql.unsafe(statement);
}

/** The policy in force before that migration (version 2; version 1 is an older one that must not count). */
const policyReasons = [
  { code: "wrong_item", enabled: true, photoRequired: true },
  { code: "quality_problem", enabled: true, photoRequired: false },
  { code: "damaged_in_transit", enabled: true, photoRequired: true },
  { code: "not_as_described", enabled: true, photoRequired: false },
  { code: "missing_parts", enabled: true, photoRequired: false },
  { code: "size_not_fit", enabled: true, photoRequired: false },
  { code: "no_longer_wanted", enabled: false, photoRequired: false },
  { code: "other", enabled: false, photoRequired: false },
];

beforeAll(async () => {
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(inject("pgAdminUrl"));
  url.pathname = `/${name}`;
  sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const before = journal.entries.map((e) => e.tag).filter((t) => t < REASONS_TAG);
  for (const tag of before) await apply(tag);
  const older = { evidence: { maxPhotos: 9, reasons: policyReasons.map((r) => ({ ...r, enabled: true, photoRequired: true })) } };
  const current = { evidence: { maxPhotos: 9, reasons: policyReasons } };
  await sql`
    WITH c AS (INSERT INTO categories (code, name_zh, name_en) VALUES ('mig', '迁移', 'Migration') RETURNING id),
    p AS (INSERT INTO products (category_id, spu_code, name) SELECT id, 'SPU-MIG', '杯子' FROM c RETURNING id),
    s AS (INSERT INTO skus (product_id, sku_code, price_fen) SELECT id, 'SKU-MIG', 1000 FROM p RETURNING id),
    ch AS (INSERT INTO channels (code, name) VALUES ('own_shop', '自营') RETURNING id),
    cu AS (INSERT INTO customers (phone, name) VALUES ('13800000001', '顾客') RETURNING id),
    o AS (INSERT INTO orders (order_no, channel_id, customer_id, status, payment_method, total_paid_fen)
          SELECT 'MIG000001', ch.id, cu.id, 'delivered', 'alipay', 2000 FROM ch, cu RETURNING id, customer_id),
    ol AS (INSERT INTO order_lines (order_id, sku_id, title, quantity, unit_price_fen, paid_fen)
           SELECT o.id, s.id, '杯子', 2, 1000, 2000 FROM o, s RETURNING id),
    p1 AS (INSERT INTO approval_policies (version, policy) VALUES (1, ${sql.json(older)}) RETURNING id),
    p2 AS (INSERT INTO approval_policies (version, policy) VALUES (2, ${sql.json(current)}) RETURNING id),
    rr AS (INSERT INTO return_requests (rma_no, order_id, customer_id, type, status, route, policy_id, requested_refund_fen, idempotency_key, rejection_code)
           SELECT 'RMA20261101MIGRATE1', o.id, o.customer_id, 'refund_only', 'rejected', '{"stages":["cs_review","refund"],"matchedRules":[]}', p2.id, 1000, 'k1', 'suspected_fraud'
           FROM o, p2 RETURNING id)
    INSERT INTO return_lines (request_id, order_line_id, quantity, refund_fen, reason_code)
    SELECT rr.id, ol.id, 1, 1000, 'other' FROM rr, ol`;
  await apply(REASONS_TAG);
}, 60_000);

afterAll(async () => {
  await sql?.end();
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describe("the reasons-as-rows migration with existing data", () => {
  it("keeps the request's reason and rejection, now naming rows with today's names (a disabled reason is retired, not lost)", async () => {
    const [line] = await sql`
      SELECT rl.reason_code, r.name_zh, r.name_en, r.retired_at IS NOT NULL AS retired
      FROM return_lines rl JOIN return_reasons r ON r.kind = rl.reason_kind AND r.code = rl.reason_code`;
    expect(line).toEqual({ reason_code: "other", name_zh: "其他", name_en: "Other", retired: true });
    const [request] = await sql`
      SELECT rq.rejection_code, r.name_zh, r.name_en
      FROM return_requests rq JOIN return_reasons r ON r.kind = rq.rejection_kind AND r.code = rq.rejection_code`;
    expect(request).toEqual({ rejection_code: "suspected_fraud", name_zh: "疑似欺诈", name_en: "Suspected fraud" });
  });

  it("moves the policy in force's order, photo rules and disabled reasons onto the customer reasons", async () => {
    const rows = await sql<{ code: string; photo_required: boolean; retired: boolean }[]>`
      SELECT code, photo_required, retired_at IS NOT NULL AS retired FROM return_reasons WHERE kind = 'customer' ORDER BY position, code`;
    expect(rows.map((r) => [r.code, r.photo_required, !r.retired])).toEqual(policyReasons.map((r) => [r.code, r.photoRequired, r.enabled]));
  });

  it("the columns now refuse codes without a row, and a rejection code on a line", async () => {
    await expect(sql`UPDATE return_lines SET reason_code = 'no_such_reason'`).rejects.toMatchObject({ code: "23503" });
    await expect(sql`UPDATE return_lines SET reason_code = 'suspected_fraud'`).rejects.toMatchObject({ code: "23503" });
    await expect(sql`UPDATE return_requests SET rejection_code = 'wrong_item'`).rejects.toMatchObject({ code: "23503" });
    await expect(sql`UPDATE return_lines SET reason_kind = 'rejection', reason_code = 'other'`).rejects.toMatchObject({ code: "23514" });
  });
});
