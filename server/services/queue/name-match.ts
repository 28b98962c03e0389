import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { likeEscape } from "./search-term";

/**
 * Up to this many customers matching a name are listed by id and their requests read through
 * return_requests_customer_idx; beyond it the queue is walked in its own order instead (see
 * listQueue). ~4 requests per customer: a bound of 1,000 keeps the first way to a few thousand
 * index reads, and a name that common matches densely enough for the walk to stop early.
 */
export const NAME_MATCH_BOUND = 1000;

/** The ILIKE pattern for a name: a prefix under three characters (a trigram needs three), else anywhere. */
export function namePattern(value: string): string {
  return [...value].length < 3 ? `${likeEscape(value)}%` : `%${likeEscape(value)}%`;
}

export type NameMatch = { kind: "few"; customerIds: string[] } | { kind: "many"; pattern: string };

/** The customers a name matches (pg_trgm index), or "many" when there are more than the bound. */
export async function matchCustomerNames(db: DbOrTx, value: string): Promise<NameMatch> {
  const pattern = namePattern(value);
  const rows = await db.execute<{ id: string }>(sql`SELECT id FROM customers WHERE name ILIKE ${pattern} LIMIT ${NAME_MATCH_BOUND + 1}`);
  const customerIds = [...rows].map((r) => r.id);
  return customerIds.length > NAME_MATCH_BOUND ? { kind: "many", pattern } : { kind: "few", customerIds };
}

/** A uuid[] literal ({a,b}) for ids read from the database: one parameter however many ids. */
export const uuidArray = (ids: readonly string[]) => `{${ids.join(",")}}`;
