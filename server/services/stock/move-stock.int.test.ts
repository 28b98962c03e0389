import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sqlOf } from "../../../db/client";
import { skus, stockMovements } from "../../../db/schema";
import { createTestDatabase } from "../../test/db";
import { makeOrder } from "../../test/fixtures";
import { moveStock } from "./move-stock";

const { db } = await createTestDatabase();

describe("moveStock", () => {
  it("changes the stock and records the movement with the stock it left", async () => {
    const made = await makeOrder(db, [{ priceFen: 100_00 }]);
    const sku = made.lines[0]!.sku;
    const after = await db.transaction((tx) => moveStock(sqlOf(tx), { skuId: sku.id, delta: 2, reason: "return_restocked", sourceRef: "parcel-line-1" }));
    expect(after).toBe(sku.stock + 2);
    const [row] = await db.select().from(skus).where(eq(skus.id, sku.id));
    expect(row!.stock).toBe(sku.stock + 2);
    const moves = await db.select().from(stockMovements).where(eq(stockMovements.skuId, sku.id));
    expect(moves).toMatchObject([{ delta: 2, reason: "return_restocked", stockAfter: sku.stock + 2, sourceRef: "parcel-line-1" }]);
  });

  it("refuses to take more than the stock, or what is reserved, and leaves nothing behind", async () => {
    const made = await makeOrder(db, [{ priceFen: 100_00 }]);
    const sku = made.lines[0]!.sku;
    await expect(db.transaction((tx) => moveStock(sqlOf(tx), { skuId: sku.id, delta: -(sku.stock + 1), reason: "manual_adjustment" }))).rejects.toThrow();
    await db.update(skus).set({ reserved: sku.stock }).where(eq(skus.id, sku.id));
    await expect(db.transaction((tx) => moveStock(sqlOf(tx), { skuId: sku.id, delta: -1, reason: "manual_adjustment" }))).rejects.toThrow();
    const [row] = await db.select().from(skus).where(eq(skus.id, sku.id));
    expect(row!.stock).toBe(sku.stock);
    expect(await db.select().from(stockMovements).where(eq(stockMovements.skuId, sku.id))).toEqual([]);
  });
});
