import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { customers, orderLines, orders, returnRequests, warehouses } from "../../../db/schema";
import { DEMO_CUSTOMER, DEMO_ORDER_NO } from "../../../scripts/seed/demo-customer";
import { DEMO_STAFF } from "../../auth/demo-accounts";
import { buildDemoWorld } from "../../../scripts/seed/build";
import { seedIfEmpty } from "../../../scripts/seed/seed-if-empty";
import { authenticateStaff } from "../../auth/staff-users";
import { DEFAULT_POLICY } from "../../domain/policy";
import { RETURN_STATUSES } from "../../domain/vocabulary";
import { createTestDatabase } from "../../test/db";
import { verifyHistory } from "../history-store";
import { fireDeadline } from "../deadlines/fire-deadline";
import type { DeadlineFireJob } from "../../jobs/queues";

const { db } = await createTestDatabase();
const lines: string[] = [];
let first: boolean;

beforeAll(async () => {
  first = await seedIfEmpty(db, (l) => lines.push(l));
}, 120_000);

describe("demo seed", () => {
  it("seeds an empty database once", async () => {
    expect(first).toBe(true);
    expect(await seedIfEmpty(db, (l) => lines.push(l))).toBe(false);
    expect(lines.at(-1)).toMatch(/skipped/);
  });

  it("builds the same data set on every run (seeded PRNG, dated relative to now)", () => {
    const now = new Date("2026-11-25T08:00:00Z");
    const a = buildDemoWorld(now, DEFAULT_POLICY);
    expect(buildDemoWorld(now, DEFAULT_POLICY)).toEqual(a);
    expect(a.orders).toHaveLength(300);
    const sixtyDaysAgo = now.getTime() - 60 * 86_400_000;
    expect(a.orders.every((o) => o.createdAt.getTime() >= sixtyDaysAgo && o.createdAt <= now)).toBe(true);
  });

  it("leaves requests in every status", async () => {
    const rows = await db.select({ status: returnRequests.status, n: count() }).from(returnRequests).groupBy(returnRequests.status);
    const byStatus = new Map(rows.map((r) => [r.status, r.n]));
    for (const status of RETURN_STATUSES) expect.soft(byStatus.get(status) ?? 0, status).toBeGreaterThan(0);
  });

  it("has two warehouses and sends high-value requests to the Shenzhen one, the rest to the default (decision 027)", async () => {
    const rows = await db.select().from(warehouses);
    expect(rows.map((w) => [w.name, w.isDefault]).sort()).toEqual([
      ["杭州退换货仓", true],
      ["深圳数码珠宝仓", false],
    ]);
    const perWarehouse = await db
      .select({ name: warehouses.name, n: count() })
      .from(returnRequests)
      .innerJoin(warehouses, eq(warehouses.id, returnRequests.warehouseId))
      .groupBy(warehouses.name);
    for (const name of ["杭州退换货仓", "深圳数码珠宝仓"]) expect(perWarehouse.find((r) => r.name === name)?.n ?? 0, name).toBeGreaterThan(0);
  });

  it("writes only histories whose hash chains verify", async () => {
    const ids = await db.select({ id: returnRequests.id }).from(returnRequests);
    expect(ids.length).toBeGreaterThan(100);
    for (const { id } of ids) expect(await verifyHistory(db, id), id).toMatchObject({ ok: true });
  });

  it("never refunds an order past what was paid, nor claims more items than were bought", async () => {
    const [over] = await db.select({ n: count() }).from(orders).where(sql`${orders.refundedFen} > ${orders.totalPaidFen}`);
    expect(over?.n).toBe(0);
    const [refunded] = await db.select({ n: count() }).from(orders).where(sql`${orders.refundedFen} > 0`);
    expect(refunded?.n).toBeGreaterThan(0);
    const [overClaimed] = await db.select({ n: count() }).from(orderLines).where(sql`${orderLines.claimedQuantity} > ${orderLines.quantity}`);
    expect(overClaimed?.n).toBe(0);
  });

  it("creates demo staff who can sign in with the demo password", async () => {
    for (const s of DEMO_STAFF) {
      const user = await authenticateStaff(db, s.email, "demo1234", "127.0.0.1");
      expect(user, s.email).toMatchObject({ email: s.email, role: s.role });
    }
  });

  it("has the demo order for the demo phone, untouched by requests", async () => {
    const [row] = await db
      .select({ id: orders.id, deliveredAt: orders.deliveredAt })
      .from(orders)
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .where(sql`${orders.orderNo} = ${DEMO_ORDER_NO} AND ${customers.phone} = ${DEMO_CUSTOMER.phone}`);
    expect(row).toBeDefined();
    const demoLines = await db.select().from(orderLines).where(eq(orderLines.orderId, row!.id));
    expect(demoLines).toHaveLength(3);
    expect(demoLines.every((l) => l.claimedQuantity === 0)).toBe(true);
    const [requests] = await db.select({ n: count() }).from(returnRequests).where(eq(returnRequests.orderId, row!.id));
    expect(requests?.n).toBe(0);
  });
  it("schedules each historical stage's deadline like any step, and the worker's first start changes no demo request", async () => {
    // Every job due now is of a stage the request has left (the seed keeps open requests inside
    // their deadlines): the first worker start records no-ops, no storm of escalations or closings.
    const due = await db.$client<{ data: DeadlineFireJob }[]>`SELECT data FROM pgboss.job WHERE name = 'deadline.fire' AND start_after <= now()`;
    const open = await db.$client<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'deadline.fire' AND start_after > now()`;
    expect(due.length).toBeGreaterThan(100);
    expect(open[0]!.n).toBeGreaterThan(10);
    const outcomes = new Map<string, number>();
    for (const { data } of due) {
      const r = await fireDeadline(db, data);
      const key = r.outcome === "stale" ? r.reason : r.action;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    expect([...outcomes.keys()].every((k) => k === "moved_on" || k === "deadline_moved" || k === "already_handled")).toBe(true);
  });
});
