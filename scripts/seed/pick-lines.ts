import type { ReasonCode, ReturnType } from "../../server/domain/vocabulary";
import type { CategoryCode } from "./catalog-data";
import type { Catalog, SeedSku } from "./catalog";
import type { LineWish } from "./orders";
import type { Prng } from "./prng";
import type { Need } from "./scenarios";
import { NOTES, REASONS_BY_CATEGORY, type SeedReasonCode } from "./texts";

const YUAN = 100;

export interface ReturnWish {
  /** Index into the order's lines. */
  lineIndex: number;
  quantity: number;
  reasonCode: ReasonCode;
  note: string | null;
  exchangeTo: SeedSku | null;
}

export interface PickedLines {
  order: LineWish[];
  returns: ReturnWish[];
}

const HIGH_VALUE: readonly CategoryCode[] = ["electronics", "jewellery"];
const isHigh = (s: SeedSku) => HIGH_VALUE.includes(s.product.category);

/** SKUs that fit a need. Big-ticket lines keep their price (no coupon) so the route stays what the scenario needs. */
function poolFor(catalog: Catalog, need: Need): SeedSku[] {
  const returnable = catalog.skus.filter((s) => s.category.returnable);
  switch (need) {
    case "small":
      return returnable.filter((s) => !isHigh(s) && s.priceFen <= 200 * YUAN);
    case "ops":
      return returnable.filter((s) => !isHigh(s) && s.priceFen > 200 * YUAN);
    case "high_value":
      return returnable.filter((s) => isHigh(s) && s.priceFen <= 2000 * YUAN);
    case "four_eyes":
      return returnable.filter((s) => isHigh(s) && s.priceFen > 2000 * YUAN);
    case "exchange":
      return returnable.filter((s) => exchangeTargets(catalog, s).length > 0 && !isHigh(s));
    case "any":
      return returnable;
  }
}

/** Other variants of the same product that are in stock. Apparel and baby sizes are the usual exchanges. */
export function exchangeTargets(catalog: Catalog, sku: SeedSku): SeedSku[] {
  if (sku.product.category !== "apparel" && sku.product.category !== "baby") return [];
  return (catalog.byProduct.get(sku.product.spu) ?? []).filter((v) => v.code !== sku.code && v.stock > 0);
}

function reason(rng: Prng, sku: SeedSku, type: ReturnType): { reasonCode: ReasonCode; note: string | null } {
  const reasonCode: SeedReasonCode = type === "exchange" ? rng.pick(["size_not_fit", "size_not_fit", "wrong_item", "not_as_described"] as const) : rng.pick(REASONS_BY_CATEGORY[sku.product.category]);
  return { reasonCode, note: rng.chance(0.75) ? rng.pick(NOTES[reasonCode]) : null };
}

/** The order's lines for one scenario: the items to return first, then sometimes other things bought with them. */
export function pickLines(rng: Prng, catalog: Catalog, need: Need, type: ReturnType): PickedLines {
  const main = rng.pick(poolFor(catalog, need));
  const keepPrice = need === "ops" || need === "four_eyes" || need === "small";
  // Cheap everyday items are often bought two or three at a time; returning part of them exercises unit shares.
  const quantity = need !== "ops" && need !== "four_eyes" && main.priceFen <= 100 * YUAN && rng.chance(0.4) ? rng.int(2, 3) : 1;
  const order: LineWish[] = [{ sku: main, quantity, discount: !keepPrice }];
  const returns: ReturnWish[] = [
    {
      lineIndex: 0,
      // Small routes must stay under ¥200: return one unit when several were bought.
      quantity: need === "small" || rng.chance(0.5) ? 1 : quantity,
      ...reason(rng, main, type),
      exchangeTo: type === "exchange" ? rng.pick(exchangeTargets(catalog, main)) : null,
    },
  ];
  if (need === "any" && type !== "exchange" && rng.chance(0.25)) {
    // A second returned item from the same basket.
    const second = rng.pick(poolFor(catalog, "any").filter((s) => s.product.spu !== main.product.spu));
    order.push({ sku: second, quantity: 1 });
    returns.push({ lineIndex: 1, quantity: 1, ...reason(rng, second, type), exchangeTo: null });
  }
  const extras = rng.chance(0.4) ? rng.int(1, 2) : 0;
  for (let i = 0; i < extras; i++) {
    const other = rng.pick(catalog.skus.filter((s) => !order.some((o) => o.sku.product.spu === s.product.spu)));
    // Kept lines are cheap add-ons so they do not change what the order is about.
    order.push({ sku: other, quantity: 1, discount: true });
  }
  return { order, returns };
}
