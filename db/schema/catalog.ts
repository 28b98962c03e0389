import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { channelCode } from "./enums";

export const channels = pgTable("channels", {
  id: uuid().primaryKey().defaultRandom(),
  code: channelCode().notNull().unique(),
  name: text().notNull(),
});

export const categories = pgTable(
  "categories",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    /** High-value categories (electronics, jewellery) get a second review by default. */
    highValue: boolean().notNull().default(false),
    returnable: boolean().notNull().default(true),
    /** Days after delivery during which a no-reason return is accepted (7 by law). */
    returnWindowDays: integer().notNull().default(7),
  },
  (t) => [check("categories_window_positive", sql`${t.returnWindowDays} > 0`)],
);

export const products = pgTable(
  "products",
  {
    id: uuid().primaryKey().defaultRandom(),
    categoryId: uuid().notNull().references(() => categories.id),
    spuCode: text().notNull().unique(),
    name: text().notNull(),
  },
  (t) => [index("products_category_idx").on(t.categoryId)],
);

export const skus = pgTable(
  "skus",
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid().notNull().references(() => products.id),
    skuCode: text().notNull().unique(),
    /** e.g. {"颜色":"黑色","尺码":"M"} */
    attributes: jsonb().$type<Record<string, string>>().notNull().default({}),
    priceFen: integer().notNull(),
    stock: integer().notNull().default(0),
    /** Units promised to approved exchanges and not yet shipped; never more than the stock. */
    reserved: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("skus_product_idx").on(t.productId),
    check("skus_price_nonnegative", sql`${t.priceFen} >= 0`),
    check("skus_stock_nonnegative", sql`${t.stock} >= 0`),
    check("skus_reserved_within_stock", sql`${t.reserved} >= 0 AND ${t.reserved} <= ${t.stock}`),
  ],
);
