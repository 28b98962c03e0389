import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { categories, channels, products, skus } from "../../db/schema";
import { CATEGORIES, CHANNELS, PRODUCTS, type CategorySpec, type ProductSpec } from "./catalog-data";
import type { Prng } from "./prng";

export interface SeedSku {
  code: string;
  product: ProductSpec;
  category: CategorySpec;
  attributes: Record<string, string>;
  priceFen: number;
  stock: number;
  /** Product name plus attribute values: what the order line shows, e.g. "女士高腰直筒牛仔裤 浅蓝 M". */
  title: string;
}

export interface Catalog {
  skus: SeedSku[];
  byProduct: Map<string, SeedSku[]>;
}

function combinations(attributes: Record<string, string[]>): Record<string, string>[] {
  return Object.entries(attributes).reduce<Record<string, string>[]>(
    (acc, [key, values]) => acc.flatMap((combo) => values.map((v) => ({ ...combo, [key]: v }))),
    [{}],
  );
}

/** Every variant of every product; about one in seven is sold out, as in a real shop. */
export function buildCatalog(rng: Prng): Catalog {
  const all: SeedSku[] = [];
  const byProduct = new Map<string, SeedSku[]>();
  for (const product of PRODUCTS) {
    const category = CATEGORIES.find((c) => c.code === product.category);
    if (!category) throw new Error(`unknown category ${product.category}`);
    const variants = combinations(product.attributes).map((attributes, i) => {
      const extra = Object.values(attributes).reduce((sum, v) => sum + (product.extra?.[v] ?? 0), 0);
      return {
        code: `${product.spu}-${String(i + 1).padStart(2, "0")}`,
        product,
        category,
        attributes,
        priceFen: product.priceFen + extra,
        stock: rng.chance(0.15) ? 0 : rng.int(5, 300),
        title: [product.name, ...Object.values(attributes)].join(" "),
      };
    });
    // The first variant always has stock, so every product has something to exchange into.
    if (variants[0]) variants[0].stock = Math.max(variants[0].stock, 30);
    byProduct.set(product.spu, variants);
    all.push(...variants);
  }
  return { skus: all, byProduct };
}

export interface CatalogIds {
  channelId: Map<string, string>;
  skuId: Map<string, string>;
}

/**
 * Writes channels, categories, products and SKUs. Rows that already exist (same code) are kept:
 * an "empty" database may still hold a catalogue imported by hand.
 */
export async function insertCatalog(db: Db, catalog: Catalog): Promise<CatalogIds> {
  await db.insert(channels).values([...CHANNELS]).onConflictDoNothing();
  await db.insert(categories).values([...CATEGORIES]).onConflictDoNothing();
  const categoryRows = await db.select({ id: categories.id, code: categories.code }).from(categories);
  const categoryId = new Map(categoryRows.map((c) => [c.code, c.id]));

  await db
    .insert(products)
    .values(PRODUCTS.map((p) => ({ spuCode: p.spu, name: p.name, categoryId: categoryId.get(p.category)! })))
    .onConflictDoNothing();
  const productRows = await db
    .select({ id: products.id, spu: products.spuCode })
    .from(products)
    .where(inArray(products.spuCode, PRODUCTS.map((p) => p.spu)));
  const productId = new Map(productRows.map((p) => [p.spu, p.id]));

  await db
    .insert(skus)
    .values(catalog.skus.map((s) => ({ skuCode: s.code, productId: productId.get(s.product.spu)!, attributes: s.attributes, priceFen: s.priceFen, stock: s.stock })))
    .onConflictDoNothing();
  const skuRows = await db
    .select({ id: skus.id, code: skus.skuCode })
    .from(skus)
    .where(inArray(skus.skuCode, catalog.skus.map((s) => s.code)));
  const channelRows = await db.select({ id: channels.id, code: channels.code }).from(channels);
  return { channelId: new Map(channelRows.map((c) => [c.code, c.id])), skuId: new Map(skuRows.map((s) => [s.code, s.id])) };
}
