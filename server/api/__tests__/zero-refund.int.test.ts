/**
 * A refund of ¥0 is decided at submission (docs/product-rules.md): refused with the reason, so
 * no request ever waits in pending_refund for a refund nobody can pay.
 */
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, failureOf, makeOrder, rowCounts, submitFor } from "../../test/fixtures";

const { db } = await createTestDatabase();

describe("a request whose refundable total is ¥0", () => {
  it.each(["refund_only", "return_refund"] as const)("%s of a free gift is refused at submission with the reason, in both languages, and nothing is written", async (type) => {
    const made = await makeOrder(db, [{ title: "赠品 帆布袋", priceFen: 19_00, paidFen: 0 }]);
    const before = await rowCounts(db);
    const zh = await failureOf(submitFor(db, made, type));
    expect(appCodeOf(zh)).toBe("nothing_to_refund");
    expect(zh.code).toBe("BAD_REQUEST");
    expect(zh.message).toContain("¥0");
    const en = await failureOf(submitFor(db, made, type, { locale: "en" }));
    expect(en.message).toMatch(/¥0 to refund.*exchange/);
    expect(await rowCounts(db)).toEqual(before);
  });

  it("a free gift returned together with a paid item is fine: the total is what counts", async () => {
    const made = await makeOrder(db, [{ priceFen: 59_00 }, { title: "赠品", priceFen: 9_00, paidFen: 0 }]);
    const s = await submitFor(db, made, "refund_only");
    expect((await s.read()).requestedRefundFen).toBe(59_00);
  });
});
