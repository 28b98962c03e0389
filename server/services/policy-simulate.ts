import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { categories } from "../../db/schema";
import { decideRoute, decideRouteOverSplits, type ApprovalPolicy, type CountedRequest, type RoutingInput } from "../domain/policy";
import type { Route } from "../domain/route";
import type { ReturnType, Stage } from "../domain/vocabulary";
import { currentPolicy, policyById } from "./policy-store";

/**
 * "What would this draft policy do?" for the rules editor: one made-up request under the draft
 * and under the version in force, and how many recent real requests the draft would have routed
 * differently. Nothing is written.
 */

export interface SampleRequest {
  type: ReturnType;
  amountFen: number;
  categoryCodes: string[];
  priorReturns: number;
}

export async function simulateSample(db: DbOrTx, draft: ApprovalPolicy, sample: SampleRequest) {
  const current = await currentPolicy(db);
  const found = sample.categoryCodes.length
    ? await db.select({ code: categories.code, highValue: categories.highValue }).from(categories).where(inArray(categories.code, sample.categoryCodes))
    : [];
  const input: RoutingInput = { type: sample.type, amountFen: sample.amountFen, categories: found, priorReturns: sample.priorReturns };
  return { currentVersion: current.version, draft: decideRoute(draft, input), current: decideRoute(current.policy, input) };
}

interface StoredRequest {
  id: string;
  rmaNo: string;
  type: ReturnType;
  createdAt: string;
  route: Route;
  policyId: string;
  amountFen: number;
  categories: { code: string; highValue: boolean }[];
  priorReturns: number;
}

export interface ImpactRow {
  id: string;
  rmaNo: string;
  createdAt: Date;
  before: Stage[];
  after: Stage[];
}

/**
 * What a request was routed together with (server/domain/policy.ts decideRouteOverSplits), from
 * the total its stored route recorded: the amount is exact; the other requests' categories are
 * not stored, so a high-value category that only they had makes the request count as unreproducible.
 */
function countedBefore(r: StoredRequest): CountedRequest[] {
  const counted = r.route.counted;
  return counted ? [{ amountFen: counted.amountFen - r.amountFen, categories: [] }] : [];
}

const sameStages = (a: Stage[], b: Stage[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/**
 * Replays the last `days` days of submissions under `draft`, from what was stored at submission:
 * the type, the lines' refund amounts (their sum is the amount the route was decided on), the
 * lines' categories, and the customer's earlier requests counted over the draft's own history
 * window. The route stored on each request is what it was actually given. A category whose
 * high-value flag was changed since counts with today's flag (the flag is not versioned).
 */
export async function recentImpact(db: DbOrTx, draft: ApprovalPolicy, now = new Date(), days = 30) {
  const since = new Date(now.getTime() - days * 86_400_000);
  const rows = (await db.execute(sql`
    SELECT r.id, r.rma_no AS "rmaNo", r.type, r.created_at AS "createdAt", r.route, r.policy_id AS "policyId",
      (SELECT coalesce(sum(l.refund_fen), 0)::int FROM return_lines l WHERE l.request_id = r.id) AS "amountFen",
      (SELECT coalesce(json_agg(DISTINCT jsonb_build_object('code', c.code, 'highValue', c.high_value)), '[]'::json)
         FROM return_lines l
         JOIN order_lines ol ON ol.id = l.order_line_id
         JOIN skus s ON s.id = ol.sku_id
         JOIN products p ON p.id = s.product_id
         JOIN categories c ON c.id = p.category_id
         WHERE l.request_id = r.id) AS categories,
      (SELECT count(*)::int FROM return_requests e
         WHERE e.customer_id = r.customer_id
           AND e.created_at >= r.created_at - ${draft.historyWindowDays} * interval '24 hours'
           AND e.created_at < r.created_at) AS "priorReturns"
    FROM return_requests r
    WHERE r.created_at >= ${since.toISOString()}::timestamptz AND r.created_at <= ${now.toISOString()}::timestamptz
    ORDER BY r.created_at DESC`)) as unknown as StoredRequest[];

  const changed: ImpactRow[] = [];
  // Requests whose stored route cannot be reproduced from today's data even under their own policy
  // version (a category's high-value flag changed, or history was imported/backdated): said
  // separately so the admin does not take those differences for the draft's doing.
  let unreproducible = 0;
  for (const r of rows) {
    const input: RoutingInput = { type: r.type, amountFen: r.amountFen, categories: r.categories, priorReturns: r.priorReturns };
    const after = decideRouteOverSplits(draft, input, countedBefore(r)).stages;
    if (!sameStages(after, r.route.stages)) changed.push({ id: r.id, rmaNo: r.rmaNo, createdAt: new Date(r.createdAt), before: r.route.stages, after });
    const own = await policyById(db, r.policyId);
    if (!sameStages(decideRouteOverSplits(own.policy, input, countedBefore(r)).stages, r.route.stages)) unreproducible++;
  }
  return { days, total: rows.length, changedCount: changed.length, unreproducible, examples: changed.slice(0, 10) };
}
