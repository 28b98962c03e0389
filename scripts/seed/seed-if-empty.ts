import { count, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { orders, returnRequests, staffUsers } from "../../db/schema";
import { createStaffUser } from "../../server/auth/staff-users";
import { jobSender } from "../../server/jobs/boss";
import { GatewayRegistry } from "../../server/payments/registry";
import { seedGateway } from "./seed-gateway";
import { currentPolicy } from "../../server/services/policy-store";
import { buildDemoWorld } from "./build";
import { insertCatalog } from "./catalog";
import { DEMO_STAFF, type DemoStaffKey } from "../../server/auth/demo-accounts";
import { executeRequest } from "./execute";
import { insertOrders } from "./orders";
import { insertWarehouses } from "./warehouses";
import { runPool } from "./pool";

/**
 * Loads the demo data set into a database that has neither staff nor orders, and says whether
 * it did. Requests are filed and decided through the same services the app uses (never by
 * writing request or event rows), so every history is a real, verifiable hash chain.
 * Not one transaction: a seed that fails halfway leaves its rows, and the next start skips
 * seeding; for the embedded demo database, delete .data/pg and start again.
 */
export async function seedIfEmpty(db: Db, log: (line: string) => void): Promise<boolean> {
  const [staff] = await db.select({ n: count() }).from(staffUsers);
  const [order] = await db.select({ n: count() }).from(orders);
  if ((staff?.n ?? 0) > 0 || (order?.n ?? 0) > 0) {
    log(`demo data: skipped, the database already has ${staff?.n ?? 0} staff users and ${order?.n ?? 0} orders`);
    return false;
  }
  await seedDemoData(db, log);
  return true;
}

export interface SeedOptions {
  /** The moment the data is dated relative to (the demo order is delivered two days before it). */
  now?: Date;
  /** Requests filed in parallel (customers are independent); keep it at or below the pool size. */
  concurrency?: number;
}

export async function seedDemoData(db: Db, log: (line: string) => void, opts: SeedOptions = {}): Promise<void> {
  const started = performance.now();
  // Whole minutes keep the generated times tidy in the history views.
  const now = opts.now ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const policy = await currentPolicy(db);
  const world = buildDemoWorld(now, policy.policy);

  // argon2id hashing dominates here; the six hashes run on the libuv thread pool side by side.
  const staffIds = Object.fromEntries(
    await Promise.all(DEMO_STAFF.map(async (s) => [s.key, await createStaffUser(db, { email: s.email, name: s.name, password: s.password, role: s.role })] as const)),
  ) as Record<DemoStaffKey, string>;

  const ids = await insertCatalog(db, world.catalog);
  // Before any request: each one gets its warehouse at submission.
  await insertWarehouses(db);
  const customerIds = await insertOrders(db, world.people, world.orders, ids);
  log(`demo data: ${DEMO_STAFF.length} staff, ${world.catalog.skus.length} SKUs, ${world.people.length} customers, ${world.orders.length} orders`);

  const ctx = { db, staffIds, skuIds: ids.skuId, gateways: new GatewayRegistry([seedGateway("alipay"), seedGateway("wechat_pay")]), jobs: jobSender(db.$client) };
  let filed = 0;
  try {
    await runPool(world.requestsByCustomer, opts.concurrency ?? 4, async (list) => {
      for (const r of list) {
        const customerId = customerIds.get(r.customerPhone);
        if (!customerId) throw new Error(`seed: no customer ${r.customerPhone}`);
        await executeRequest(ctx, { ...r, customerId });
        filed++;
      }
    });
  } finally {
    await ctx.jobs.stop();
  }

  const byStatus = await db
    .select({ status: returnRequests.status, n: count() })
    .from(returnRequests)
    .groupBy(returnRequests.status)
    .orderBy(sql`${returnRequests.status}`);
  log(`demo data: ${filed} return requests — ${byStatus.map((r) => `${r.status} ${r.n}`).join(", ")}`);
  log(`demo data: done in ${((performance.now() - started) / 1000).toFixed(1)} s (demo order ${world.demoOrder.orderNo}, phone ${world.demoOrder.customerPhone})`);
}
