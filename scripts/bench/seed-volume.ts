/**
 * 1,000,000 return requests (+ their customers, orders and lines) for the queue benchmark, in a
 * dedicated embedded database (BENCH_DATA_DIR, default .data/bench — never the demo's). Set-based
 * SQL (generate_series, INSERT … SELECT): minutes, not hours. Idempotent: skips when seeded.
 *
 *   npx tsx scripts/bench/seed-volume.ts            # 1,000,000
 *   BENCH_REQUESTS=200000 npx tsx scripts/bench/seed-volume.ts
 *
 * Distributions (roughly a year of a mid-size shop): most requests are done (completed 70 %,
 * closed/cancelled 13 %); the open rest spreads over the queues; deadlines follow the default
 * policy from the request's last step, so some are overdue; 4 channels 45/30/15/10 %.
 * No history events: the queue does not read them, and the request screen's history is one
 * indexed range read whatever its length.
 */
import path from "node:path";
import postgres from "postgres";
import { startEmbeddedPostgres } from "../../db/embedded";
import { APP_ROLE, grantAppRights } from "../../db/roles";
import { runMigrations } from "../../db/migrate";
import { DEMO_STAFF } from "../../server/auth/demo-accounts";
import { hashPassword } from "../../server/auth/password";
import { DEFAULT_POLICY } from "../../server/domain/policy";

export const BENCH_DATA_DIR = process.env.BENCH_DATA_DIR ?? path.join(".data", "bench");
export const BENCH_PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54391);

export async function openBenchDatabase() {
  const server = await startEmbeddedPostgres({ dataDir: path.join(BENCH_DATA_DIR, "pg"), port: BENCH_PG_PORT, persistent: true, databases: ["bench"] });
  return {
    url: server.url("bench"),
    /** What a served app connects as (a production server refuses the superuser): the app role, with its rights. */
    appUrl: async () => {
      const { ownerUrl, appUrl } = await server.provision("bench");
      await grantAppRights(ownerUrl, APP_ROLE);
      return appUrl;
    },
    stop: server.stop,
  };
}

/** Status shares in per mille; the open ones are what the queues show. */
const STATUS_SHARES: [string, number][] = [
  ["completed", 700],
  ["closed", 80],
  ["cancelled", 50],
  ["pending_cs_review", 40],
  ["awaiting_shipment", 30],
  ["rejected", 20],
  ["pending_ops_review", 20],
  ["in_transit", 20],
  ["needs_info", 10],
  ["pending_refund", 10],
  ["pending_replacement", 8],
  ["pending_refund_approval", 5],
  ["inspection_mismatch", 4],
  ["refunding", 3],
];

async function seed(sql: postgres.Sql, n: number) {
  const t0 = Date.now();
  const step = async (label: string, run: () => Promise<unknown>) => {
    const s = Date.now();
    await run();
    console.log(`  ${label}: ${((Date.now() - s) / 1000).toFixed(1)} s`);
  };
  const customersN = Math.max(1000, Math.floor(n / 4));
  const statusCase = (() => {
    let acc = 0;
    const arms = STATUS_SHARES.map(([s, share]) => {
      acc += share;
      return `WHEN g % 1000 < ${acc} THEN '${s}'`;
    });
    return `(CASE ${arms.join(" ")} END)::return_status`;
  })();

  await sql.begin(async (tx) => {
    await tx.unsafe("SET LOCAL synchronous_commit = off");
    const hash = await hashPassword(DEMO_STAFF[0]!.password);
    for (const s of DEMO_STAFF) {
      await tx`INSERT INTO staff_users (email, name, role, password_hash) VALUES (${s.email}, ${s.name}, ${s.role}, ${hash}) ON CONFLICT DO NOTHING`;
    }
    await tx`INSERT INTO approval_policies (version, policy, note) VALUES (1, ${tx.json(DEFAULT_POLICY as never)}, 'default') ON CONFLICT DO NOTHING`;
    await tx.unsafe(`INSERT INTO channels (code, name) VALUES ('own_shop','自营商城'),('taobao','淘宝'),('jd','京东'),('douyin','抖音') ON CONFLICT DO NOTHING`);
  });

  await step("catalog (20 categories, 2,000 skus)", () =>
    sql.unsafe(`
      INSERT INTO categories (code, name_zh, name_en, high_value) SELECT 'c' || g, '品类' || g, 'Category ' || g, g % 5 = 0 FROM generate_series(1, 20) g;
      INSERT INTO products (category_id, spu_code, name) SELECT (SELECT id FROM categories WHERE code = 'c' || (1 + g % 20)), 'SPU' || g, '商品' || g FROM generate_series(1, 2000) g;
      INSERT INTO skus (product_id, sku_code, price_fen, stock) SELECT p.id, 'SKU' || p.spu_code, 1000 + (hashtext(p.spu_code) & 65535) * 3, 100 FROM products p;`),
  );
  await step(`customers (${customersN.toLocaleString()})`, () =>
    sql.unsafe(`
      INSERT INTO customers (phone, name)
      SELECT '13' || lpad(g::text, 9, '0'),
             (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭'])[1 + g % 16] ||
             (ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀英','霞','平'])[1 + (g / 16) % 20] ||
             CASE WHEN g % 3 = 0 THEN (ARRAY['华','玲','斌','鹏','宇'])[1 + g % 5] ELSE '' END
      FROM generate_series(1, ${customersN}) g`),
  );
  // Lookups by integer key through small indexed temp tables: subscripting a big array per row
  // would de-TOAST the whole array every time.
  await step(`orders + lines (${n.toLocaleString()} each)`, () =>
    sql.unsafe(`
      CREATE TEMP TABLE cust AS SELECT row_number() OVER (ORDER BY phone)::int AS k, id FROM customers;
      ALTER TABLE cust ADD PRIMARY KEY (k);
      CREATE TEMP TABLE sku AS SELECT (row_number() OVER (ORDER BY sku_code) - 1)::int AS k, id, price_fen FROM skus;
      ALTER TABLE sku ADD PRIMARY KEY (k);
      CREATE TEMP TABLE chan AS SELECT (CASE code WHEN 'own_shop' THEN 1 WHEN 'taobao' THEN 2 WHEN 'jd' THEN 3 ELSE 4 END) AS k, id FROM channels;
      CREATE TEMP TABLE gen AS
        SELECT g, 1 + (hashtext(g::text) & 2147483647) % ${customersN} AS ck, g % 2000 AS sk,
               CASE WHEN g % 20 < 9 THEN 1 WHEN g % 20 < 15 THEN 2 WHEN g % 20 < 18 THEN 3 ELSE 4 END AS chk
        FROM generate_series(1, ${n}) g;
      INSERT INTO orders (order_no, channel_id, customer_id, status, payment_method, total_paid_fen, refunded_fen, paid_at, delivered_at, created_at)
      SELECT 'B' || lpad(gen.g::text, 10, '0'), chan.id, cust.id, 'delivered', 'alipay', sku.price_fen, 0,
             now() - make_interval(days => 370 - (gen.g::bigint * 365 / ${n})::int),
             now() - make_interval(days => 366 - (gen.g::bigint * 365 / ${n})::int),
             now() - make_interval(days => 370 - (gen.g::bigint * 365 / ${n})::int)
      FROM gen JOIN cust ON cust.k = gen.ck JOIN sku ON sku.k = gen.sk JOIN chan ON chan.k = gen.chk
      ORDER BY gen.g;
      INSERT INTO order_lines (order_id, sku_id, title, quantity, unit_price_fen, paid_fen, claimed_quantity)
      SELECT o.id, sku.id, '商品' || (1 + sku.k), 1, o.total_paid_fen, o.total_paid_fen, 1
      FROM orders o JOIN sku ON sku.k = substr(o.order_no, 2)::int % 2000;`),
  );
  await step(`return requests + lines (${n.toLocaleString()} each)`, () =>
    sql.unsafe(`
      INSERT INTO return_requests (rma_no, order_id, customer_id, type, status, route, policy_id, requested_refund_fen,
                                   return_carrier, return_tracking_no, deadline_at, category_ids, idempotency_key, created_at, updated_at)
      SELECT 'RMA' || to_char(o.created_at + interval '4 days', 'YYYYMMDD') || upper(lpad(to_hex(g), 8, '0')),
             o.id, o.customer_id,
             (CASE WHEN g % 10 < 3 THEN 'refund_only' WHEN g % 10 < 8 THEN 'return_refund' ELSE 'exchange' END)::return_type,
             st.status,
             CASE WHEN o.total_paid_fen > 20000 OR st.status IN ('pending_ops_review', 'inspection_mismatch')
                  THEN '{"stages":["cs_review","ops_review","customer_shipment","warehouse_inspection","refund"],"matchedRules":["amount-over-200"]}'::jsonb
                  ELSE '{"stages":["cs_review","customer_shipment","warehouse_inspection","refund"],"matchedRules":[]}'::jsonb END,
             (SELECT id FROM approval_policies WHERE version = 1),
             CASE WHEN g % 10 < 8 THEN o.total_paid_fen ELSE 0 END,
             CASE WHEN st.status IN ('in_transit','inspection_mismatch','pending_refund','refunding','pending_replacement','completed') AND g % 10 >= 3 THEN 'SF' END,
             CASE WHEN st.status IN ('in_transit','inspection_mismatch','pending_refund','refunding','pending_replacement','completed') AND g % 10 >= 3 THEN 'SF' || (100000000000 + g) END,
             CASE WHEN st.status IN ('completed','closed','cancelled','refunding') THEN NULL
                  -- Open requests: recent, their clock running from the last step; about one in eight overdue.
                  ELSE now() + make_interval(mins => ((hashtext('d' || g) & 2147483647) % (60 * 24 * 8)) - 60 * 24) END,
             -- As submission writes it: the distinct categories of the lines (here: all of the order's).
             ARRAY(SELECT DISTINCT p.category_id FROM order_lines ol JOIN skus s ON s.id = ol.sku_id JOIN products p ON p.id = s.product_id WHERE ol.order_id = o.id),
             'bench-' || g,
             CASE WHEN st.status IN ('completed','closed','cancelled') THEN o.created_at + interval '4 days'
                  ELSE now() - make_interval(mins => (hashtext('c' || g) & 2147483647) % (60 * 24 * 20)) END,
             now()
      FROM (SELECT substr(order_no, 2)::int AS g, * FROM orders) o
      CROSS JOIN LATERAL (SELECT ${statusCase} AS status) st;
      INSERT INTO return_lines (request_id, order_line_id, quantity, refund_fen, reason_code)
      SELECT r.id, ol.id, 1, r.requested_refund_fen, (ARRAY['quality_problem','wrong_item','size_not_fit','no_longer_wanted','not_as_described']::text[])[1 + abs(hashtext(r.rma_no)) % 5]
      FROM return_requests r JOIN order_lines ol ON ol.order_id = r.order_id;`),
  );
  // VACUUM too, as autovacuum would have by the time a year of requests is in: it sets the
  // visibility map that index-only scans (the counts) rely on.
  await step("VACUUM ANALYZE", () => sql.unsafe("VACUUM ANALYZE"));
  console.log(`seeded ${n.toLocaleString()} requests in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

async function main() {
  const n = Number(process.env.BENCH_REQUESTS ?? 1_000_000);
  const database = await openBenchDatabase();
  try {
    await runMigrations(database.url);
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ count: number }[]>`SELECT count(*)::int AS count FROM return_requests`;
      const count = row?.count ?? 0;
      if (count > 0) console.log(`already seeded: ${count.toLocaleString()} requests in ${BENCH_DATA_DIR}`);
      else await seed(sql, n);
    } finally {
      await sql.end();
    }
  } finally {
    await database.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("seed-volume.ts")) await main();
