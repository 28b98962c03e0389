/**
 * Warehouses (decision 027): the migration's default warehouse (today's address), the choice at
 * submission (channel, categories, most specific first, inactive skipped, else the default), the
 * H5's address from the request's warehouse, and the store manager's editor with its checks and
 * audit records.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { channels, orders, returnEvents, returnRequests, staffAudit, warehouses } from "../../../db/schema";
import { createTestDatabase } from "../../test/db";
import { failureOf, httpCall, makeOrder, staffCaller, submitFor, type Made } from "../../test/fixtures";

const { db } = await createTestDatabase();
const { caller: admin, staff: adminUser } = await staffCaller(db, "admin");

const warehouseOf = async (requestId: string) => (await db.select({ id: returnRequests.warehouseId }).from(returnRequests).where(eq(returnRequests.id, requestId)))[0]!.id;
const [defaultWarehouse] = await db.select().from(warehouses).where(eq(warehouses.isDefault, true));

async function onChannel(made: Made, code: "taobao" | "jd" | "douyin") {
  await db.insert(channels).values({ code, name: code }).onConflictDoNothing();
  const [ch] = await db.select().from(channels).where(eq(channels.code, code));
  await db.update(orders).set({ channelId: ch!.id }).where(eq(orders.id, made.order.id));
  return made;
}

const base = { address: "广东省深圳市南山区科技园 1 号", contactName: "售后组", contactPhone: "0755-12345678" };

describe("the default warehouse (migration 0023)", () => {
  it("is today's return address, active and the only default", async () => {
    expect(defaultWarehouse).toMatchObject({ address: "浙江省杭州市余杭区仓前街道 退换货仓", contactName: "售后部", contactPhone: "0571-88888888", active: true });
    expect(await db.select().from(warehouses).where(eq(warehouses.isDefault, true))).toHaveLength(1);
  });

  it("receives a request nothing narrower covers, and the customer sees its address", async () => {
    const { res, read } = await submitFor(db, await makeOrder(db, [{ priceFen: 100_00 }]), "return_refund");
    expect(await warehouseOf(res.id)).toBe(defaultWarehouse!.id);
    expect((await read()).warehouse).toEqual({ name: defaultWarehouse!.name, address: defaultWarehouse!.address, contactName: "售后部", contactPhone: "0571-88888888", postalCode: null });
  });
});

describe("the choice at submission", () => {
  it("sends a request whose categories a warehouse receives there, and one with another category too to the default", async () => {
    const phones = await makeOrder(db, [{ priceFen: 3000_00, highValue: true }]);
    const shenzhen = await admin.warehouses.create({ ...base, name: "深圳数码仓", categoryIds: [phones.lines[0]!.category.id] });
    const { res, read } = await submitFor(db, phones, "return_refund");
    expect(await warehouseOf(res.id)).toBe(shenzhen.id);
    expect((await read()).warehouse?.name).toBe("深圳数码仓");
    // The submit event records where the parcel was sent.
    const [submitted] = await db.select().from(returnEvents).where(and(eq(returnEvents.requestId, res.id), eq(returnEvents.seq, 1)));
    expect(submitted!.changes).toMatchObject({ warehouseId: shenzhen.id });

    const mixed = await makeOrder(db, [{ priceFen: 100_00 }, { priceFen: 100_00 }]);
    await admin.warehouses.update({ ...base, id: shenzhen.id, version: shenzhen.version, name: "深圳数码仓", categoryIds: [phones.lines[0]!.category.id, mixed.lines[0]!.category.id] });
    const { res: mixedRes } = await submitFor(db, mixed, "return_refund");
    expect(await warehouseOf(mixedRes.id)).toBe(defaultWarehouse!.id);
  });

  it("sends a channel's orders to the channel's warehouse, others not", async () => {
    const jd = await admin.warehouses.create({ ...base, name: "京东仓", channelCodes: ["jd"] });
    const onJd = await onChannel(await makeOrder(db, [{ priceFen: 50_00 }]), "jd");
    expect(await warehouseOf((await submitFor(db, onJd, "return_refund")).res.id)).toBe(jd.id);
    const onDouyin = await onChannel(await makeOrder(db, [{ priceFen: 50_00 }]), "douyin");
    expect(await warehouseOf((await submitFor(db, onDouyin, "return_refund")).res.id)).toBe(defaultWarehouse!.id);
  });

  it("prefers the most specific: channel and category over category over channel", async () => {
    const made = await onChannel(await makeOrder(db, [{ priceFen: 50_00 }]), "taobao");
    const cat = made.lines[0]!.category.id;
    await admin.warehouses.create({ ...base, name: "淘宝仓", channelCodes: ["taobao"] });
    const byCategory = await admin.warehouses.create({ ...base, name: "品类仓", categoryIds: [cat] });
    const both = await admin.warehouses.create({ ...base, name: "淘宝品类仓", channelCodes: ["taobao"], categoryIds: [cat] });
    expect(await warehouseOf((await submitFor(db, made, "return_refund", { quantity: 1 })).res.id)).toBe(both.id);

    // Inactive ones are skipped: the next most specific takes it.
    await admin.warehouses.setActive({ id: both.id, version: both.version, active: false });
    const again = await onChannel(await makeOrder(db, [{ priceFen: 50_00 }]), "taobao");
    await admin.warehouses.update({ ...base, id: byCategory.id, version: byCategory.version, name: "品类仓", categoryIds: [cat, again.lines[0]!.category.id] });
    expect(await warehouseOf((await submitFor(db, again, "return_refund")).res.id)).toBe(byCategory.id);
  });

  it("keeps a request's warehouse when the warehouses change later", async () => {
    const made = await makeOrder(db, [{ priceFen: 50_00 }]);
    const w = await admin.warehouses.create({ ...base, name: "临时仓", categoryIds: [made.lines[0]!.category.id] });
    const { res } = await submitFor(db, made, "return_refund");
    await admin.warehouses.setActive({ id: w.id, version: w.version, active: false });
    expect(await warehouseOf(res.id)).toBe(w.id);
  });
});

describe("the editor", () => {
  it("validates every field, with messages per field in the caller's language", async () => {
    const bad = { name: "", address: "", contactName: "", contactPhone: "abc", postalCode: "12" };
    const zh = await httpCall(db, { staff: adminUser }, "warehouses.create", bad, { mutation: true });
    expect(zh.status).toBe(400);
    expect(zh.error!.data).toMatchObject({
      fieldErrors: {
        name: "仓库名称须为 1–60 个字",
        address: "请填写完整的收货地址（1–200 字）",
        contactName: "请填写收件人（1–30 字）",
        contactPhone: "请填写手机号或带区号的座机号",
        postalCode: "邮编须为 6 位数字，或留空",
      },
    });
    const en = await httpCall(db, { staff: adminUser, locale: "en" }, "warehouses.create", { ...base, name: "x", contactPhone: "abc" }, { mutation: true });
    expect(en.error!.data).toMatchObject({ fieldErrors: { contactPhone: "Enter a mobile number or a landline with its area code" } });
  });

  it("refuses an unknown category", async () => {
    const e = await failureOf(admin.warehouses.create({ ...base, name: "错品类", categoryIds: ["00000000-0000-4000-8000-000000000000"] }));
    expect(e.code).toBe("BAD_REQUEST");
  });

  it("moves the default so that exactly one remains, and refuses to switch the default off", async () => {
    const next = await admin.warehouses.create({ ...base, name: "新默认仓" });
    const moved = await admin.warehouses.setDefault({ id: next.id, version: next.version });
    expect(moved.isDefault).toBe(true);
    const defaults = await db.select().from(warehouses).where(eq(warehouses.isDefault, true));
    expect(defaults.map((w) => w.id)).toEqual([next.id]);
    const refused = await failureOf(admin.warehouses.setActive({ id: next.id, version: moved.version, active: false }));
    expect(refused.message).toBe("默认仓库不能停用：请先把另一个仓库设为默认");
    // And back, so the other tests' default stays.
    const [old] = await db.select().from(warehouses).where(eq(warehouses.id, defaultWarehouse!.id));
    await admin.warehouses.setDefault({ id: old!.id, version: old!.version });
    const made = await makeOrder(db, [{ priceFen: 10_00 }]);
    expect(await warehouseOf((await submitFor(db, made, "return_refund")).res.id)).toBe(defaultWarehouse!.id);
  });

  it("refuses a stale version", async () => {
    const w = await admin.warehouses.create({ ...base, name: "版本仓" });
    await admin.warehouses.update({ ...base, id: w.id, version: w.version, name: "版本仓 2" });
    const e = await failureOf(admin.warehouses.update({ ...base, id: w.id, version: w.version, name: "版本仓 3" }));
    expect(e.code).toBe("CONFLICT");
  });

  it("records every change in staff_audit", async () => {
    const w = await admin.warehouses.create({ ...base, name: "审计仓", postalCode: "518000" });
    expect(w.postalCode).toBe("518000");
    const off = await admin.warehouses.setActive({ id: w.id, version: w.version, active: false });
    await admin.warehouses.setActive({ id: w.id, version: off.version, active: true });
    const rows = await db.select().from(staffAudit).where(eq(staffAudit.actorId, adminUser.id));
    const mine = rows.filter((r) => (r.details as { warehouseId?: string }).warehouseId === w.id).map((r) => r.action);
    expect(mine.sort()).toEqual(["warehouse_activate", "warehouse_create", "warehouse_deactivate"]);
  });

  it("lists the warehouses for every staff role, default first, with the categories to choose from", async () => {
    const { caller: wh } = await staffCaller(db, "warehouse");
    const list = await wh.warehouses.list();
    expect(list.warehouses[0]!.isDefault).toBe(true);
    expect(list.categories.length).toBeGreaterThan(0);
  });
});
