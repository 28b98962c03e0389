/**
 * Which warehouse a new request's parcel goes to (docs/decisions/027). Plain data in, an id out:
 * the submission reads the active warehouses with its other facts and stores the answer on the
 * request, so a later change of the warehouses never sends a parcel in flight elsewhere.
 */
export interface WarehouseCandidate {
  id: string;
  isDefault: boolean;
  active: boolean;
  /** Empty = every channel. */
  channelCodes: readonly string[];
  /** Empty = every category. */
  categoryIds: readonly string[];
  /** Ties between equally specific warehouses go to the older one, so the answer never flips. */
  createdAt: Date;
}

export interface ParcelFacts {
  channelCode: string;
  /** The distinct categories of the request's lines. */
  categoryIds: readonly string[];
}

/** Whether the warehouse receives the order's channel and every category of the request. */
export function covers(w: WarehouseCandidate, facts: ParcelFacts): boolean {
  const channelOk = w.channelCodes.length === 0 || w.channelCodes.includes(facts.channelCode);
  const categoriesOk = w.categoryIds.length === 0 || facts.categoryIds.every((c) => w.categoryIds.includes(c));
  return channelOk && categoriesOk;
}

/**
 * How narrow a warehouse's rule is: a named category list counts more than a named channel list
 * (an electronics hub beats a "Taobao orders" warehouse for a phone bought on Taobao), and a
 * shorter list is more specific than a longer one.
 */
function specificity(w: WarehouseCandidate): [number, number, number] {
  return [w.categoryIds.length > 0 ? 1 : 0, w.channelCodes.length > 0 ? 1 : 0, -(w.categoryIds.length + w.channelCodes.length)];
}

function compare(a: WarehouseCandidate, b: WarehouseCandidate): number {
  const sa = specificity(a);
  const sb = specificity(b);
  for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sb[i]! - sa[i]!;
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A warehouse that names neither channels nor categories receives by rule nothing the default would not. */
const restricted = (w: WarehouseCandidate) => w.channelCodes.length > 0 || w.categoryIds.length > 0;

/**
 * The most specific active non-default warehouse that covers the parcel, else the default. A
 * non-default warehouse without any channel or category (a spare, or one being set up) is only
 * ever chosen by being made the default. Null only when there is neither.
 */
export function chooseWarehouse(candidates: readonly WarehouseCandidate[], facts: ParcelFacts): string | null {
  const matching = candidates.filter((w) => w.active && !w.isDefault && restricted(w) && covers(w, facts)).sort(compare);
  if (matching[0]) return matching[0].id;
  return candidates.find((w) => w.isDefault && w.active)?.id ?? null;
}
