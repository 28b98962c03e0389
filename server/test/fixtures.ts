import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { count, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import superjson, { type SuperJSONResult } from "superjson";
import type { Db } from "../../db/client";
import {
  approvalPolicies,
  categories,
  channels,
  customers,
  orderLines,
  orders,
  products,
  refunds,
  returnEvents,
  returnLines,
  returnRequests,
  skus,
  smsVerifications,
  staffUsers,
} from "../../db/schema";
import type { Context } from "../api/context";
import { appRouter, createCaller } from "../api/root";
import { isAppError } from "../domain/errors";
import { verifyHistory } from "../services/history-store";
import type { StaffUser } from "../auth/staff-users";
import type { ReasonCode, StaffRole } from "../domain/vocabulary";
import type { Locale } from "../i18n/locale";
import { bossOver, jobSender, type JobSender } from "../jobs/boss";
import { runRefundJobsOnce } from "../jobs/refund-worker";
import { GatewayRegistry } from "../payments/registry";
import { TestGateway } from "./test-gateway";
import type { PgBoss } from "pg-boss";

const uniq = () => randomUUID().slice(0, 8);

// One job queue per test database (its client), started once.
const senders = new WeakMap<object, JobSender>();
const bosses = new WeakMap<object, Promise<PgBoss>>();

/** The job queue over a test database's pool, as the app builds it over its own. */
export function testJobs(db: Db): JobSender {
  let sender = senders.get(db.$client);
  if (!sender) senders.set(db.$client, (sender = jobSender(db.$client)));
  return sender;
}

/** A registry with one in-test gateway per channel given (default: an Alipay one, the fixtures' orders are paid by Alipay). */
export function testGateways(...gateways: TestGateway[]): GatewayRegistry {
  return new GatewayRegistry(gateways.length ? gateways : [new TestGateway("alipay")]);
}

/**
 * Runs the queued refund jobs and one reconcile pass with these gateways, as the worker process
 * would: for tests that need a refund to reach its final state.
 */
export async function runRefundJobs(db: Db, gateways: GatewayRegistry, now?: () => Date): Promise<number> {
  let boss = bosses.get(db.$client);
  if (!boss) {
    boss = bossOver(db.$client).start();
    bosses.set(db.$client, boss);
  }
  return runRefundJobsOnce({ db, gateways, notifyBaseUrl: "http://127.0.0.1:9", boss: await boss }, now);
}

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
    gateways: testGateways(),
    jobs: testJobs(db),
    demo: true,
    sms: null,
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

export async function staffCaller(db: Db, role: StaffRole, opts: { gateways?: GatewayRegistry; locale?: Locale } = {}) {
  const staff = await makeStaff(db, role);
  return { staff, caller: createCaller(testContext(db, { staff, ...(opts.gateways ? { gateways: opts.gateways } : {}), locale: opts.locale ?? "zh-CN" })) };
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

// ---------------------------------------------------------------------------------------------
// Helpers for the API integration tests (server/api/__tests__).

export type Made = Awaited<ReturnType<typeof makeOrder>>;
export type ReturnTypeName = "refund_only" | "return_refund" | "exchange";

/**
 * The customer of `made` submits a request for `quantity` (default: all) of each of its lines.
 * Returns the caller, the submit result and a reader for the customer's view of the request.
 */
export async function submitFor(
  db: Db,
  made: Made,
  type: ReturnTypeName,
  opts: { quantity?: number; idempotencyKey?: string; locale?: Locale; reasonCode?: ReasonCode } = {},
) {
  const customer = customerCaller(db, made.customer, opts.locale);
  const res = await customer.customer.submit({
    orderId: made.order.id,
    type,
    idempotencyKey: opts.idempotencyKey ?? randomUUID(),
    lines: made.lines.map((l) => ({
      orderLineId: l.line.id,
      quantity: opts.quantity ?? l.line.quantity,
      // A reason that needs no photo, so these stories are about the lifecycle, not evidence rules.
      reasonCode: opts.reasonCode ?? "size_not_fit",
      exchangeSkuId: type === "exchange" ? l.variants[0]?.id : undefined,
    })),
  });
  const read = () => customer.customer.request({ id: res.id });
  return { customer, res, read };
}

/** The error a call fails with (fails the test if the call succeeds). */
export async function failureOf(call: Promise<unknown>): Promise<TRPCError> {
  try {
    await call;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

/** The application error code behind a tRPC error (null when the refusal came from elsewhere, e.g. the auth gate). */
export function appCodeOf(e: TRPCError): string | null {
  return isAppError(e.cause) ? e.cause.code : null;
}

/** Row counts of the tables a refused request must not touch. */
export async function rowCounts(db: Db) {
  const n = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    returnRequests: await n(returnRequests),
    returnLines: await n(returnLines),
    returnEvents: await n(returnEvents),
    smsVerifications: await n(smsVerifications),
    refunds: await n(refunds),
    approvalPolicies: await n(approvalPolicies),
  };
}

/** verifyHistory for every request in the database: the ids whose chain does not verify (expected: none). */
export async function unverifiableHistories(db: Db): Promise<{ id: string; result: unknown }[]> {
  const all = await db.select({ id: returnRequests.id }).from(returnRequests);
  const bad = [];
  for (const { id } of all) {
    const result = await verifyHistory(db, id);
    if (!result.ok || result.count < 1) bad.push({ id, result });
  }
  return bad;
}

export interface HttpResult {
  status: number;
  /** The procedure's result (superjson-decoded) when it succeeded. */
  data?: unknown;
  /** The formatted error shape (what the browser gets) when it failed. */
  error?: {
    message: string;
    code: number;
    data: {
      code: string;
      httpStatus: number;
      appCode: string | null;
      fieldErrors: Record<string, string> | null;
      params: Record<string, string | number>;
    };
  };
  setCookies: string[];
}

/**
 * Calls a procedure over HTTP through the same fetch adapter the app route uses, so the error
 * formatter runs exactly as for a browser. Mutations are POSTed, queries are GET with ?input=.
 */
export async function httpCall(db: Db, over: Partial<Context>, path: string, input: unknown, opts: { mutation: boolean }): Promise<HttpResult> {
  const encoded = JSON.stringify(superjson.serialize(input));
  const url = `http://localhost/api/trpc/${path}${opts.mutation ? "" : `?input=${encodeURIComponent(encoded)}`}`;
  const req = new Request(url, opts.mutation ? { method: "POST", headers: { "content-type": "application/json" }, body: encoded } : { method: "GET" });
  const setCookies: string[] = [];
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => testContext(db, { setCustomerCookie: (token) => setCookies.push(token ?? ""), ...over }),
  });
  const body = (await res.json()) as { result?: { data: SuperJSONResult }; error?: SuperJSONResult };
  if (body.error) return { status: res.status, error: superjson.deserialize(body.error), setCookies };
  return { status: res.status, data: body.result ? superjson.deserialize(body.result.data) : undefined, setCookies };
}
