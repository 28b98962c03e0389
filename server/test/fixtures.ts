import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { categories, channels, customers, orderLines, orders, products, skus, staffUsers } from "../../db/schema";
import type { Context } from "../api/context";
import { createCaller } from "../api/root";
import type { StaffUser } from "../auth/staff-users";
import type { StaffRole } from "../domain/vocabulary";
import type { Locale } from "../i18n/locale";
import { SimulatedGateway } from "../payments/simulated-gateway";

const uniq = () => randomUUID().slice(0, 8);

/** A context as route.ts builds it, minus HTTP. */
export function testContext(db: Db, over: Partial<Context> = {}): Context {
  return {
    db,
    locale: "zh-CN",
    ip: `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    staff: null,
    customer: null,
    customerToken: null,
    setCustomerCookie: () => {},
    gateway: new SimulatedGateway(),
    demo: true,
    log: () => {},
    ...over,
  };
}

export async function makeStaff(db: Db, role: StaffRole): Promise<StaffUser> {
  const [u] = await db
    .insert(staffUsers)
    // Integration tests do not sign in through the password path (that has its own test), so a placeholder hash keeps them fast.
    .values({ email: `${role}-${uniq()}@test.local`, name: `${role} tester`, role, passwordHash: "$argon2id$placeholder" })
    .returning();
  if (!u) throw new Error("no staff");
  return { id: u.id, email: u.email, name: u.name, role: u.role, sessionVersion: u.sessionVersion };
}

export async function staffCaller(db: Db, role: StaffRole, opts: { gateway?: SimulatedGateway; locale?: Locale } = {}) {
  const staff = await makeStaff(db, role);
  return { staff, caller: createCaller(testContext(db, { staff, ...(opts.gateway ? { gateway: opts.gateway } : {}), locale: opts.locale ?? "zh-CN" })) };
}

export function customerCaller(db: Db, customer: { id: string; phone: string; name: string }, locale: Locale = "zh-CN") {
  return createCaller(testContext(db, { customer, customerToken: "test", locale }));
}

export interface LineSpec {
  title?: string;
  priceFen: number;
  quantity?: number;
  /** Paid for the whole line; defaults to price × quantity. */
  paidFen?: number;
  highValue?: boolean;
  returnable?: boolean;
  windowDays?: number;
  /** Extra variants of the same product, with stock, for exchanges. */
  variants?: number;
}

/** One customer with one delivered, paid order of the given lines (each its own product and category). */
export async function makeOrder(db: Db, lines: LineSpec[], opts: { phone?: string; deliveredDaysAgo?: number; paid?: boolean } = {}) {
  const phone = opts.phone ?? `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  await db.insert(channels).values({ code: "own_shop", name: "自营商城" }).onConflictDoNothing();
  const [channel] = await db.select().from(channels);
  const [existing] = await db.select().from(customers).where(eq(customers.phone, phone));
  const customer = existing ?? (await db.insert(customers).values({ phone, name: `顾客${phone.slice(-4)}` }).returning())[0]!;
  const now = Date.now();
  const delivered = new Date(now - (opts.deliveredDaysAgo ?? 2) * 86_400_000);
  const total = lines.reduce((a, l) => a + (l.paidFen ?? l.priceFen * (l.quantity ?? 1)), 0);
  const [order] = await db
    .insert(orders)
    .values({
      orderNo: `T${uniq().toUpperCase()}${Math.floor(Math.random() * 1e4)}`,
      channelId: channel!.id,
      customerId: customer.id,
      status: "delivered",
      paymentMethod: "alipay",
      gatewayTxnId: `2026${uniq()}`,
      totalPaidFen: total,
      paidAt: opts.paid === false ? null : new Date(delivered.getTime() - 86_400_000),
      deliveredAt: delivered,
    })
    .returning();
  const made = [];
  for (const l of lines) {
    const [cat] = await db
      .insert(categories)
      .values({ code: `cat-${uniq()}`, nameZh: "测试品类", nameEn: "Test", highValue: l.highValue ?? false, returnable: l.returnable ?? true, returnWindowDays: l.windowDays ?? 7 })
      .returning();
    const [product] = await db.insert(products).values({ categoryId: cat!.id, spuCode: `SPU-${uniq()}`, name: l.title ?? "测试商品" }).returning();
    const [sku] = await db.insert(skus).values({ productId: product!.id, skuCode: `SKU-${uniq()}`, priceFen: l.priceFen, stock: 10, attributes: { 尺码: "M" } }).returning();
    const variants = [];
    for (let v = 0; v < (l.variants ?? 0); v++) {
      const [variant] = await db
        .insert(skus)
        .values({ productId: product!.id, skuCode: `SKU-${uniq()}`, priceFen: l.priceFen, stock: 5, attributes: { 尺码: ["L", "XL", "S"][v % 3]! } })
        .returning();
      variants.push(variant!);
    }
    const quantity = l.quantity ?? 1;
    const [line] = await db
      .insert(orderLines)
      .values({ orderId: order!.id, skuId: sku!.id, title: l.title ?? "测试商品", quantity, unitPriceFen: l.priceFen, paidFen: l.paidFen ?? l.priceFen * quantity })
      .returning();
    made.push({ line: line!, sku: sku!, variants, category: cat! });
  }
  return { customer, order: order!, lines: made };
}
