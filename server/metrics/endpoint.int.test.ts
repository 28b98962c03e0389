import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refunds, returnRequests } from "../../db/schema";
import { enqueueWithin } from "../jobs/boss";
import { QUEUES } from "../jobs/queues";
import { createTestDatabase } from "../test/db";
import { makeOrder, submitFor } from "../test/fixtures";
import { metricsResponse } from "./endpoint";
import { observeProcedure } from "./registry";

const TOKEN = "metrics-token-for-the-test-0123456789";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let app: postgres.Sql;

beforeAll(async () => {
  t = await createTestDatabase();
  // As the production server reads it: the app role (rows only), including the pgboss schema.
  app = postgres(t.appUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await app.end();
});

const scrapeWith = (token: string | undefined, auth?: string) =>
  metricsResponse(new Request("http://localhost/api/metrics", { headers: auth ? { authorization: auth } : {} }), app, token);
const scrape = (auth?: string) => scrapeWith(TOKEN, auth);

/** The value of one sample line (`name{labels} value`) in a Prometheus text page. */
function sample(page: string, series: string): number | undefined {
  const line = page.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /api/metrics", () => {
  it("does not exist without METRICS_TOKEN, and refuses a missing or wrong token", async () => {
    expect((await scrapeWith(undefined, `Bearer ${TOKEN}`)).status).toBe(404);
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer not-the-token")).status).toBe(401);
    expect((await scrape(`Basic ${TOKEN}`)).status).toBe(401);
  });

  it("answers the token with the process's latency histogram and the system's gauges", async () => {
    observeProcedure("customer.me", "query", "ok", 0.012);
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const page = await res.text();
    expect(sample(page, 'tuihuanhuo_trpc_request_duration_seconds_count{procedure="customer.me",type="query",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(sample(page, 'tuihuanhuo_jobs{queue="refund.execute",state="ready"}')).toBe(0);
    expect(sample(page, "tuihuanhuo_deadlines_overdue")).toBe(0);
    expect(sample(page, 'tuihuanhuo_refunds{state="pending"}')).toBe(0);
  });

  it("the gauges follow the rows: overdue deadlines, refunds by state, ready and scheduled jobs", async () => {
    const made = await makeOrder(t.db, [{ priceFen: 30_00 }]);
    const { res } = await submitFor(t.db, made, "refund_only");
    await t.db.update(returnRequests).set({ deadlineAt: new Date(Date.now() - 60_000) }).where(eq(returnRequests.id, res.id));
    // A closed request past its deadline is not overdue: nothing is waiting on it.
    const closed = await submitFor(t.db, await makeOrder(t.db, [{ priceFen: 10_00 }]), "refund_only");
    await t.db.update(returnRequests).set({ status: "closed", deadlineAt: new Date(Date.now() - 60_000) }).where(eq(returnRequests.id, closed.res.id));
    await t.db.insert(refunds).values({ requestId: res.id, orderId: made.order.id, amountFen: 30_00, outRefundNo: `RFM${res.id.slice(0, 8)}`, gateway: "alipay", channel: "alipay", status: "failed" });
    await t.sql.begin(async (tx) => {
      await enqueueWithin(tx, QUEUES.refundExecute, { refundId: "a" });
      await enqueueWithin(tx, QUEUES.refundExecute, { refundId: "b" }, { startAfter: new Date(Date.now() + 3_600_000) });
    });
    // A job waiting for a worker for a while: its lag shows.
    await t.sql.unsafe(`UPDATE pgboss.job SET start_after = now() - interval '90 seconds' WHERE name = 'refund.execute' AND data->>'refundId' = 'a'`);

    const page = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(page, "tuihuanhuo_deadlines_overdue")).toBe(1);
    expect(sample(page, 'tuihuanhuo_refunds{state="failed"}')).toBe(1);
    expect(sample(page, 'tuihuanhuo_jobs{queue="refund.execute",state="ready"}')).toBe(1);
    expect(sample(page, 'tuihuanhuo_jobs{queue="refund.execute",state="scheduled"}')).toBe(1);
    expect(sample(page, 'tuihuanhuo_jobs_lag_seconds{queue="refund.execute"}')).toBeGreaterThanOrEqual(89);
  });

  it("counts failed notification deliveries once their table exists (absent before)", async () => {
    const before = await (await scrape(`Bearer ${TOKEN}`)).text();
    const exists = (await t.sql`SELECT to_regclass('notification_deliveries') IS NOT NULL AS e`)[0]?.e as boolean;
    if (!exists) expect(before).not.toContain("tuihuanhuo_notification_deliveries_failed");
    else expect(sample(before, 'tuihuanhuo_notification_deliveries_failed{channel="sms"}')).toBe(0);
  });
});
