/**
 * Reasons as rows: the seeded reasons keep today's codes and names, the store manager's edits
 * (create, rename, reorder, photo rule, retire, restore) are validated, and submissions and
 * rejections accept only active reasons while old requests keep theirs.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCaller } from "../root";
import { createTestDatabase } from "../../test/db";
import { customerCaller, failureOf, httpCall, makeOrder, makeStaff, staffCaller, submitFor, testContext } from "../../test/fixtures";

const { db } = await createTestDatabase();
const admin = (await staffCaller(db, "admin")).caller;
const cs = (await staffCaller(db, "customer_service")).caller;

const SEEDED_CUSTOMER = [
  ["quality_problem", "质量问题", "Quality problem"],
  ["wrong_item", "发错货", "Wrong item"],
  ["damaged_in_transit", "运输破损", "Damaged in transit"],
  ["not_as_described", "与描述不符", "Not as described"],
  ["missing_parts", "少件/漏发", "Missing parts"],
  ["size_not_fit", "尺码不合适", "Size does not fit"],
  ["no_longer_wanted", "不想要了（七天无理由）", "No longer wanted"],
  ["other", "其他", "Other"],
];
const SEEDED_REJECTION = [
  ["outside_return_window", "已超过退换货期限", "Outside the return window"],
  ["evidence_insufficient", "凭证不足", "Not enough evidence"],
  ["used_or_damaged_by_customer", "商品已使用或人为损坏", "Used or damaged by the customer"],
  ["not_returnable_category", "该品类不支持退换", "Category cannot be returned"],
  ["suspected_fraud", "疑似欺诈", "Suspected fraud"],
  ["inspection_failed", "验货未通过", "Inspection failed"],
  ["other", "其他原因", "Other"],
];

const uniqueCode = () => `r_${randomUUID().slice(0, 8)}`;
const byCode = async (kind: "customer" | "rejection", code: string) => (await admin.reasons.list({ kind })).find((r) => r.code === code)!;

describe("the seeded reasons (migration 0005)", () => {
  it("are today's customer reasons with their zh-CN and en names, in the policy's order, none needing photos", async () => {
    const rows = await admin.reasons.list({ kind: "customer" });
    expect(rows.slice(0, SEEDED_CUSTOMER.length).map((r) => [r.code, r.nameZh, r.nameEn])).toEqual(SEEDED_CUSTOMER);
    expect(rows.every((r) => !r.retired && !r.photoRequired)).toBe(true);
  });

  it("are today's rejection reasons with their names", async () => {
    const rows = await cs.reasons.list({ kind: "rejection" });
    expect(rows.slice(0, SEEDED_REJECTION.length).map((r) => [r.code, r.nameZh, r.nameEn])).toEqual(SEEDED_REJECTION);
  });

  it("the customer reads active reasons named in their language", async () => {
    const anonymous = createCaller(testContext(db, { locale: "en" }));
    const settings = await anonymous.customer.settings();
    expect(settings.reasons[0]).toEqual({ code: "quality_problem", name: "Quality problem", photoRequired: false });
    const zh = await createCaller(testContext(db)).customer.settings();
    expect(zh.reasons.find((r) => r.code === "no_longer_wanted")?.name).toBe("不想要了（七天无理由）");
  });
});

describe("the store manager's edits", () => {
  it("creates a reason last in its list, and it is offered to customers at once", async () => {
    const code = uniqueCode();
    const before = await admin.reasons.list({ kind: "customer" });
    const created = await admin.reasons.create({ kind: "customer", code, nameZh: "包装破损", nameEn: "Damaged packaging" });
    expect(created).toMatchObject({ code, kind: "customer", retired: false, photoRequired: false, version: 1 });
    expect(created.position).toBeGreaterThan(Math.max(...before.map((r) => r.position)));
    expect((await admin.reasons.list({ kind: "customer" })).at(-1)?.code).toBe(code);
    expect((await createCaller(testContext(db)).customer.settings()).reasons.map((r) => r.code)).toContain(code);
  });

  it("refuses a code taken in the same kind, per field, but the same code may name a reason of the other kind", async () => {
    const e = await failureOf(admin.reasons.create({ kind: "customer", code: "wrong_item", nameZh: "重复", nameEn: "Again" }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toBe("已有使用该代码的原因");
    const code = uniqueCode();
    await admin.reasons.create({ kind: "customer", code, nameZh: "甲", nameEn: "A" });
    await expect(admin.reasons.create({ kind: "rejection", code, nameZh: "乙", nameEn: "B" })).resolves.toMatchObject({ code, kind: "rejection" });
  });

  it("validates codes and names at the edge, in the caller's language", async () => {
    for (const code of ["A", "Upper_case", "has space", "x", "a".repeat(41), "连字"]) {
      const e = await failureOf(admin.reasons.create({ kind: "customer", code, nameZh: "名", nameEn: "Name" }));
      expect(e.code, code).toBe("BAD_REQUEST");
    }
    const en = (await staffCaller(db, "admin", { locale: "en" })).caller;
    const long = await failureOf(en.reasons.create({ kind: "customer", code: uniqueCode(), nameZh: "名".repeat(41), nameEn: " " }));
    expect(long.code).toBe("BAD_REQUEST");
    const reason = await byCode("customer", "other");
    const blank = await failureOf(admin.reasons.rename({ id: reason.id, version: reason.version, nameZh: "   ", nameEn: "Other" }));
    expect(blank.code).toBe("BAD_REQUEST");
    expect((await byCode("customer", "other")).nameZh).toBe("其他");
  });

  it("renames in both languages with a version check", async () => {
    const { id, version } = await admin.reasons.create({ kind: "rejection", code: uniqueCode(), nameZh: "旧名", nameEn: "Old" });
    const renamed = await admin.reasons.rename({ id, version, nameZh: " 新名 ", nameEn: "New" });
    expect(renamed).toMatchObject({ nameZh: "新名", nameEn: "New", version: version + 1 });
    const stale = await failureOf(admin.reasons.rename({ id, version, nameZh: "再改", nameEn: "Again" }));
    expect(stale.code).toBe("CONFLICT");
    expect((await failureOf(admin.reasons.rename({ id: randomUUID(), version: 1, nameZh: "无", nameEn: "None" }))).code).toBe("NOT_FOUND");
  });

  it("moves a reason up and down, keeping positions 1..n, and stops at either end", async () => {
    const a = await admin.reasons.create({ kind: "rejection", code: uniqueCode(), nameZh: "甲", nameEn: "A" });
    const b = await admin.reasons.create({ kind: "rejection", code: uniqueCode(), nameZh: "乙", nameEn: "B" });
    const after = await admin.reasons.move({ id: b.id, version: b.version, direction: "up" });
    const codes = after.map((r) => r.code);
    expect(codes.indexOf(b.code)).toBe(codes.indexOf(a.code) - 1);
    expect(after.map((r) => r.position)).toEqual(after.map((_, i) => i + 1));
    // b's version went up with the move: the old one is stale.
    expect((await failureOf(admin.reasons.move({ id: b.id, version: b.version, direction: "down" }))).code).toBe("CONFLICT");
    const first = after[0]!;
    const unchanged = await admin.reasons.move({ id: first.id, version: first.version, direction: "up" });
    expect(unchanged.map((r) => r.code)).toEqual(codes);
  });

  it("sets the photo rule on customer reasons only", async () => {
    const { id, version } = await admin.reasons.create({ kind: "customer", code: uniqueCode(), nameZh: "划痕", nameEn: "Scratched" });
    await expect(admin.reasons.setPhotoRequired({ id, version, photoRequired: true })).resolves.toMatchObject({ photoRequired: true });
    const rejection = await byCode("rejection", "suspected_fraud");
    const e = await failureOf(admin.reasons.setPhotoRequired({ id: rejection.id, version: rejection.version, photoRequired: true }));
    expect(e.code).toBe("BAD_REQUEST");
    await expect(admin.reasons.create({ kind: "rejection", code: uniqueCode(), nameZh: "甲", nameEn: "A", photoRequired: true })).rejects.toThrow();
  });

  it("retires and restores; a retired reason leaves the customer's list but stays in staff lists", async () => {
    const code = uniqueCode();
    const r = await admin.reasons.create({ kind: "customer", code, nameZh: "临时原因", nameEn: "Temporary" });
    const retired = await admin.reasons.retire({ id: r.id, version: r.version });
    expect(retired.retired).toBe(true);
    expect((await createCaller(testContext(db)).customer.settings()).reasons.map((x) => x.code)).not.toContain(code);
    expect((await cs.reasons.list({ kind: "customer" })).find((x) => x.code === code)?.retired).toBe(true);
    const restored = await admin.reasons.restore({ id: r.id, version: retired.version });
    expect(restored.retired).toBe(false);
    expect((await createCaller(testContext(db)).customer.settings()).reasons.map((x) => x.code)).toContain(code);
  });
});

describe("submissions and rejections take active reasons only", () => {
  it("a retired or unknown reason is refused at submission, per field and localized; an old request keeps its name", async () => {
    const code = uniqueCode();
    const r = await admin.reasons.create({ kind: "customer", code, nameZh: "包装压痕", nameEn: "Dented box" });
    const old = await makeOrder(db, [{ priceFen: 30_00 }]);
    const { read } = await submitFor(db, old, "refund_only", { reasonCode: code });
    await admin.reasons.retire({ id: r.id, version: r.version });

    const made = await makeOrder(db, [{ priceFen: 30_00 }]);
    const submit = (reasonCode: string, locale: "zh-CN" | "en" = "zh-CN") =>
      customerCaller(db, made.customer, locale).customer.submit({
        orderId: made.order.id,
        type: "refund_only",
        idempotencyKey: randomUUID(),
        lines: [{ orderLineId: made.lines[0]!.line.id, quantity: 1, reasonCode }],
      });
    for (const [given, locale, message] of [
      [code, "zh-CN", "该原因已停用或不存在，请重新选择"],
      ["no_such_reason", "en", "This reason is no longer offered. Choose another one"],
    ] as const) {
      const e = await failureOf(submit(given, locale));
      expect(e.code).toBe("BAD_REQUEST");
      expect(e.message).toBe(message);
    }
    // The old request still shows the retired reason's words.
    const line = (await read()).lines[0]!;
    expect(line).toMatchObject({ reasonCode: code, reasonName: { "zh-CN": "包装压痕", en: "Dented box" } });
    // A rejection reason's code is not a customer reason.
    expect((await failureOf(submit("suspected_fraud"))).message).toBe("该原因已停用或不存在，请重新选择");
    await expect(submit("size_not_fit")).resolves.toMatchObject({ created: true });
  });

  it("the browser gets the refusal under the line's reason field, as for a schema error", async () => {
    const made = await makeOrder(db, [{ priceFen: 30_00 }]);
    const input = { orderId: made.order.id, type: "refund_only", idempotencyKey: randomUUID(), lines: [{ orderLineId: made.lines[0]!.line.id, quantity: 1, reasonCode: "gone_reason" }] };
    const res = await httpCall(db, { customer: made.customer, customerToken: "test", locale: "en" }, "customer.submit", input, { mutation: true });
    expect(res.status).toBe(400);
    expect(res.error?.data).toMatchObject({ appCode: "reason_unavailable", fieldErrors: { "lines.0.reasonCode": "This reason is no longer offered. Choose another one" } });
    const pending = await submitFor(db, await makeOrder(db, [{ priceFen: 30_00 }]), "refund_only");
    const staff = await makeStaff(db, "customer_service");
    const rejected = await httpCall(db, { staff }, "staff.reject", { requestId: pending.res.id, version: 1, rejectionCode: "gone_reason", comment: "不符合" }, { mutation: true });
    expect(rejected.error?.data.fieldErrors).toEqual({ rejectionCode: "该原因已停用或不存在，请重新选择" });
  });

  it("photo-required is enforced from the row", async () => {
    const r = await admin.reasons.create({ kind: "customer", code: uniqueCode(), nameZh: "屏幕碎裂", nameEn: "Cracked screen", photoRequired: true });
    const made = await makeOrder(db, [{ priceFen: 30_00 }]);
    const input = { orderId: made.order.id, type: "refund_only" as const, lines: [{ orderLineId: made.lines[0]!.line.id, quantity: 1, reasonCode: r.code }] };
    const zh = await failureOf(customerCaller(db, made.customer).customer.submit({ ...input, idempotencyKey: randomUUID() }));
    expect(zh.message).toBe("「屏幕碎裂」需要至少上传 1 张照片");
    const en = await failureOf(customerCaller(db, made.customer, "en").customer.submit({ ...input, idempotencyKey: randomUUID() }));
    expect(en.message).toBe("“Cracked screen” needs at least one photo");
    const off = await admin.reasons.setPhotoRequired({ id: r.id, version: r.version, photoRequired: false });
    expect(off.photoRequired).toBe(false);
    await expect(customerCaller(db, made.customer).customer.submit({ ...input, idempotencyKey: randomUUID() })).resolves.toMatchObject({ created: true });
  });

  it("a rejection with a retired or unknown reason is refused; a request rejected before the retirement keeps the name", async () => {
    const r = await admin.reasons.create({ kind: "rejection", code: uniqueCode(), nameZh: "重复申请", nameEn: "Duplicate request" });
    const first = await submitFor(db, await makeOrder(db, [{ priceFen: 30_00 }]), "refund_only");
    await cs.staff.reject({ requestId: first.res.id, version: 1, rejectionCode: r.code, comment: "已有相同申请" });
    await admin.reasons.retire({ id: r.id, version: r.version });

    const second = await submitFor(db, await makeOrder(db, [{ priceFen: 30_00 }]), "refund_only");
    for (const code of [r.code, "no_such_reason", "quality_problem"]) {
      const e = await failureOf(cs.staff.reject({ requestId: second.res.id, version: 1, rejectionCode: code, comment: "不符合" }));
      expect(e.code, code).toBe("BAD_REQUEST");
      expect(e.message).toBe("该原因已停用或不存在，请重新选择");
    }
    expect((await second.read()).status).toBe("pending_cs_review");

    const old = await first.read();
    expect(old.rejectionCode).toBe(r.code);
    expect(old.timeline.at(-1)).toMatchObject({ action: "reject", reasonName: { "zh-CN": "重复申请", en: "Duplicate request" } });
    const staffView = await cs.staff.request({ id: first.res.id });
    expect(staffView.request.rejectionName).toEqual({ "zh-CN": "重复申请", en: "Duplicate request" });
  });
});
