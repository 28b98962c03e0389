/**
 * The staff queue: role scoping, every filter, every search form, counts, masked phones.
 * Requests are submitted through the customer API, then shaped with plain SQL where the test
 * needs a value the lifecycle would take days to reach (a channel, a deadline, a tracking number).
 */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { channels, customers, orders, returnRequests } from "../../../db/schema";
import { NAME_MATCH_BOUND } from "../../services/queue/name-match";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, failureOf, makeOrder, staffCaller, submitFor } from "../../test/fixtures";

const { db } = await createTestDatabase();

type Caller = Awaited<ReturnType<typeof staffCaller>>["caller"];
let cs: Caller;
let ops: Caller;
let admin: Caller;
let warehouse: Caller;
let csId: string;

/** A request in customer service review, its order/customer, and its RMA. */
async function submitted(priceFen: number, opts: { phone?: string; type?: "refund_only" | "return_refund" | "exchange"; highValue?: boolean } = {}) {
  const made = await makeOrder(db, [{ priceFen, highValue: opts.highValue, variants: opts.type === "exchange" ? 1 : 0 }], { phone: opts.phone });
  const { res } = await submitFor(db, made, opts.type ?? "refund_only");
  return { made, id: res.id, rmaNo: res.rmaNo };
}

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

let small: Awaited<ReturnType<typeof submitted>>;
let big: Awaited<ReturnType<typeof submitted>>;
let exchange: Awaited<ReturnType<typeof submitted>>;

beforeAll(async () => {
  ({ caller: cs, staff: { id: csId } } = await staffCaller(db, "customer_service"));
  ({ caller: ops } = await staffCaller(db, "operations_manager"));
  ({ caller: admin } = await staffCaller(db, "admin"));
  ({ caller: warehouse } = await staffCaller(db, "warehouse"));
  small = await submitted(50_00, { phone: "13912345678" });
  big = await submitted(900_00, { phone: "13700001111" });
  exchange = await submitted(120_00, { type: "exchange", phone: "13600002222" });
});

describe("role scoping", () => {
  it("customer service sees its review queue, warehouse none of it, admin every open request", async () => {
    const csPage = await cs.staff.queue({});
    expect(ids(csPage)).toEqual(expect.arrayContaining([small.id, big.id, exchange.id]));
    expect(csPage.items.every((i) => i.status === "pending_cs_review")).toBe(true);
    expect(ids(await warehouse.staff.queue({}))).toEqual([]);
    expect(ids(await admin.staff.queue({}))).toEqual(expect.arrayContaining([small.id, big.id, exchange.id]));
    // A status outside the role's queue is simply empty, not someone else's list.
    expect(ids(await ops.staff.queue({ status: "pending_cs_review" }))).toEqual([]);
  });

  it("phones are masked by the server", async () => {
    const row = (await cs.staff.queue({ q: small.rmaNo })).items[0]!;
    expect(row.customerPhone).toBe("139****5678");
    expect(JSON.stringify(await cs.staff.queue({}))).not.toContain("13912345678");
  });
});

describe("filters", () => {
  it("type", async () => {
    const page = await cs.staff.queue({ type: "exchange" });
    expect(ids(page)).toContain(exchange.id);
    expect(ids(page)).not.toContain(small.id);
  });

  it("channel", async () => {
    const [jd] = await db.insert(channels).values({ code: "jd", name: "京东" }).onConflictDoNothing().returning();
    await db.update(orders).set({ channelId: jd!.id }).where(eq(orders.id, big.made.order.id));
    expect(ids(await cs.staff.queue({ channel: "jd" }))).toEqual([big.id]);
    expect(ids(await cs.staff.queue({ channel: "own_shop" }))).not.toContain(big.id);
    expect((await cs.staff.queue({ q: big.rmaNo })).items[0]!.channel).toBe("jd");
  });

  it("category", async () => {
    const code = small.made.lines[0]!.category.code;
    expect(ids(await cs.staff.queue({ category: code }))).toEqual([small.id]);
    expect(ids(await cs.staff.queue({ category: "no-such-category" }))).toEqual([]);
  });

  it("category: a request with lines in two categories is found under each, and only there", async () => {
    const made = await makeOrder(db, [{ priceFen: 30_00 }, { priceFen: 40_00 }], { phone: "13500003333" });
    const { res } = await submitFor(db, made, "refund_only");
    const [first, second] = made.lines.map((l) => l.category.code);
    expect(ids(await cs.staff.queue({ category: first! }))).toEqual([res.id]);
    expect(ids(await cs.staff.queue({ category: second! }))).toEqual([res.id]);
    // Another request's category does not bring this one in.
    expect(ids(await cs.staff.queue({ category: small.made.lines[0]!.category.code }))).not.toContain(res.id);
    // Not left in customer service's queue for the tests after this one.
    await db.update(returnRequests).set({ status: "cancelled" }).where(eq(returnRequests.id, res.id));
  });

  it("amount range (fen, inclusive)", async () => {
    // An exchange asks for no money back: 0 fen.
    expect(ids(await cs.staff.queue({ minFen: 50_00, maxFen: 900_00 })).sort()).toEqual([small.id, big.id].sort());
    expect(ids(await cs.staff.queue({ minFen: 50_01 }))).toEqual([big.id]);
    expect(ids(await cs.staff.queue({ maxFen: 899_99 })).sort()).toEqual([small.id, exchange.id].sort());
    expect(ids(await cs.staff.queue({ minFen: 1, maxFen: 49_99 }))).toEqual([]);
  });

  it("submitted date range, in China days", async () => {
    await db.update(returnRequests).set({ createdAt: new Date("2026-03-01T15:30:00Z") }).where(eq(returnRequests.id, small.id)); // 2026-03-01 23:30 in Beijing
    await db.update(returnRequests).set({ createdAt: new Date("2026-03-01T16:30:00Z") }).where(eq(returnRequests.id, big.id)); // 2026-03-02 00:30 in Beijing
    expect(ids(await cs.staff.queue({ from: "2026-03-01", to: "2026-03-01" }))).toEqual([small.id]);
    expect(ids(await cs.staff.queue({ from: "2026-03-02", to: "2026-03-02" }))).toEqual([big.id]);
    expect(ids(await cs.staff.queue({ to: "2026-03-02" })).sort()).toEqual([small.id, big.id].sort());
    const bad = await failureOf(cs.staff.queue({ from: "March" }));
    expect(bad.code).toBe("BAD_REQUEST");
  });

  it("overdue", async () => {
    await db.update(returnRequests).set({ deadlineAt: new Date(Date.now() - 3_600_000) }).where(eq(returnRequests.id, exchange.id));
    expect(ids(await cs.staff.queue({ overdue: true }))).toEqual([exchange.id]);
    // Most urgent first.
    expect(ids(await cs.staff.queue({}))[0]).toBe(exchange.id);
  });

  it("holder: me, nobody, a staff id", async () => {
    await cs.staff.claim({ requestId: small.id });
    expect(ids(await cs.staff.queue({ holder: "me" }))).toEqual([small.id]);
    expect(ids(await cs.staff.queue({ holder: csId }))).toEqual([small.id]);
    expect(ids(await cs.staff.queue({ holder: "nobody" }))).not.toContain(small.id);
    const row = (await cs.staff.queue({ holder: "me" })).items[0]!;
    expect(row.holderName).toBe("customer_service tester");
    await cs.staff.release({ requestId: small.id });
    expect(ids(await cs.staff.queue({ holder: "me" }))).toEqual([]);
  });
});

describe("search", () => {
  it("by RMA, in any letter case", async () => {
    expect(ids(await cs.staff.queue({ q: small.rmaNo }))).toEqual([small.id]);
    expect(ids(await cs.staff.queue({ q: ` ${small.rmaNo.toLowerCase()} ` }))).toEqual([small.id]);
  });

  it("by order number", async () => {
    expect(ids(await cs.staff.queue({ q: big.made.order.orderNo }))).toEqual([big.id]);
  });

  it("by full phone and by its last four digits", async () => {
    expect(ids(await cs.staff.queue({ q: "13700001111" }))).toEqual([big.id]);
    expect(ids(await cs.staff.queue({ q: "1111" }))).toEqual([big.id]);
    expect(ids(await cs.staff.queue({ q: "9999" }))).toEqual([]);
  });

  it("by return tracking number", async () => {
    await db.update(returnRequests).set({ returnTrackingNo: "SF1234567890" }).where(eq(returnRequests.id, exchange.id));
    expect(ids(await cs.staff.queue({ q: "SF1234567890" }))).toEqual([exchange.id]);
  });

  it("by customer name: part of it, and a two-character prefix", async () => {
    // makeOrder names customers 顾客<last four>.
    expect(ids(await cs.staff.queue({ q: "顾客2222" }))).toEqual([exchange.id]);
    expect(ids(await cs.staff.queue({ q: "客2222" }))).toEqual([exchange.id]);
    expect(ids(await cs.staff.queue({ q: "顾客" })).sort()).toEqual([small.id, big.id, exchange.id].sort());
    // LIKE wildcards are taken literally.
    expect(ids(await cs.staff.queue({ q: "%%%" }))).toEqual([]);
  });

  it("by a name more customers share than the bound: the queue is walked, the same requests are found", async () => {
    // More customers named 重名… than name-match.ts lists by id, none with a request but one.
    await db.execute(sql`INSERT INTO customers (phone, name)
      SELECT '1450000' || lpad(g::text, 4, '0'), '重名客' || g FROM generate_series(1, ${NAME_MATCH_BOUND + 1}) g`);
    await db.update(customers).set({ name: "重名客甲" }).where(eq(customers.id, big.made.customer.id));
    expect(ids(await cs.staff.queue({ q: "重名客" }))).toEqual([big.id]);
    expect(ids(await cs.staff.queue({ q: "重名" }))).toEqual([big.id]);
    // Order number and tracking number still match on that path's text condition too.
    expect(ids(await cs.staff.queue({ q: big.made.order.orderNo }))).toEqual([big.id]);
    await db.update(customers).set({ name: big.made.customer.name }).where(eq(customers.id, big.made.customer.id));
  });

  it("search combines with filters and role scope", async () => {
    expect(ids(await cs.staff.queue({ q: "1111", type: "exchange" }))).toEqual([]);
    expect(ids(await warehouse.staff.queue({ q: big.rmaNo }))).toEqual([]);
  });
});

describe("counts", () => {
  it("the role's queue total, overdue and due within 24 hours, in one call", async () => {
    await db.update(returnRequests).set({ deadlineAt: new Date(Date.now() + 3_600_000) }).where(eq(returnRequests.id, big.id));
    const c = await cs.staff.queueCounts();
    expect(c.queue).toEqual({ total: 3, overdue: 1, dueSoon: 1 });
    expect(c.byStatus.pending_cs_review?.total).toBe(3);
    expect((await warehouse.staff.queueCounts()).queue.total).toBe(0);
    expect((await admin.staff.queueCounts()).queue.total).toBe(3);
  });
});

describe("cursor", () => {
  it("a cursor that is not ours is refused with a clear error", async () => {
    const e = await failureOf(cs.staff.queue({ cursor: "bm90LWEtY3Vyc29y" }));
    expect(appCodeOf(e)).toBe("cursor_invalid");
    expect(e.message).toContain("翻页");
  });
});
