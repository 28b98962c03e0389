import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { categories, warehouses } from "../../db/schema";

/**
 * The demo's two return warehouses, so the demo shows the routing (decision 027): the default
 * one in Hangzhou (made by migration 0023 from the old address, named here as the demo knows it)
 * and a Shenzhen one that receives electronics and jewellery, the high-value categories. A
 * request with any other item goes to Hangzhou.
 */
export async function insertWarehouses(db: Db): Promise<void> {
  const [existing] = await db.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.name, "深圳数码珠宝仓"));
  if (existing) return;
  const highValue = await db.select({ id: categories.id }).from(categories).where(inArray(categories.code, ["electronics", "jewellery"]));
  await db.insert(warehouses).values({
    name: "深圳数码珠宝仓",
    address: "广东省深圳市南山区粤海街道科技园南区 高新南七道 18 号 退货中心",
    contactName: "数码售后组",
    contactPhone: "0755-86668888",
    postalCode: "518057",
    categoryIds: highValue.map((c) => c.id),
  });
}
