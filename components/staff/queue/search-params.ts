import { queueFilters, type QueueFilters } from "@/server/schemas/queue";

/** The URL's query as Next hands it to a page. */
export type SearchParams = Record<string, string | string[] | undefined>;

const TEXT_KEYS = ["status", "type", "channel", "category", "from", "to", "holder", "q"] as const;
const YUAN_KEYS = { min: "minFen", max: "maxFen" } as const;
const FLAG_KEYS = ["overdue", "allStatuses", "attention"] as const;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/**
 * Filters from the URL, so a link reproduces the list. Amounts are in yuan in the URL (what
 * people type); each field is checked on its own with the API's schema, and a bad one is
 * dropped rather than failing the page.
 */
export function filtersFromSearch(sp: SearchParams): QueueFilters {
  const out: Record<string, unknown> = {};
  for (const k of TEXT_KEYS) out[k] = one(sp[k]);
  for (const [param, key] of Object.entries(YUAN_KEYS)) {
    const yuan = one(sp[param]);
    out[key] = yuan !== undefined && /^\d+(\.\d{1,2})?$/.test(yuan) ? Math.round(Number(yuan) * 100) : undefined;
  }
  for (const k of FLAG_KEYS) out[k] = one(sp[k]) === "1" ? true : undefined;
  const shape = queueFilters.shape;
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(out)) {
    if (v === undefined) continue;
    const parsed = shape[k as keyof typeof shape].safeParse(v);
    if (parsed.success) clean[k] = parsed.data;
  }
  return clean as QueueFilters;
}

/** The query string for filters (and a cursor), the inverse of filtersFromSearch. */
export function searchFromFilters(f: QueueFilters, cursor?: string | null): string {
  const p = new URLSearchParams();
  for (const k of TEXT_KEYS) if (f[k]) p.set(k, String(f[k]));
  if (f.minFen !== undefined) p.set("min", (f.minFen / 100).toString());
  if (f.maxFen !== undefined) p.set("max", (f.maxFen / 100).toString());
  for (const k of FLAG_KEYS) if (f[k]) p.set(k, "1");
  if (cursor) p.set("cursor", cursor);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** How many filters (not the search) are set: shown on the Filters toggle. */
export function activeFilterCount(f: QueueFilters): number {
  return Object.entries(f).filter(([k, v]) => k !== "q" && v !== undefined && v !== false).length;
}

export function cursorFromSearch(sp: SearchParams): string | undefined {
  const c = one(sp.cursor);
  return c && c.length <= 400 ? c : undefined;
}
