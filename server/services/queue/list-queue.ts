import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import type { ReturnStatus, ReturnType, StaffRole } from "../../domain/vocabulary";
import type { QueueFilters } from "../../schemas/queue";
import { toDate, toDateOrNull } from "../data/values";
import { maskPhone } from "../mask-phone";
import { decodeCursor, encodeCursor, type QueueKey } from "./cursor";
import { scopeStatuses } from "./scope";
import { matchCustomerNames, uuidArray, type NameMatch } from "./name-match";
import { needsAttentionSql, refundFlagSql, type RefundFlag } from "./refund-attention";
import { classifySearch, type SearchTerm } from "./search-term";

export interface QueueViewer {
  id: string;
  role: StaffRole;
}

export interface QueueRow {
  id: string;
  rmaNo: string;
  type: ReturnType;
  status: ReturnStatus;
  requestedRefundFen: number;
  deadlineAt: Date | null;
  createdAt: Date;
  version: number;
  holderId: string | null;
  holderName: string | null;
  orderNo: string;
  channel: string;
  customerName: string;
  /** Masked on the server: 138****8000. */
  customerPhone: string;
  /** Why the newest refund needs finance (failed, closed, abnormal, stuck), or null. */
  refundFlag: RefundFlag | null;
}

export interface QueuePage {
  items: QueueRow[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The keyset order: most urgent deadline first, no deadline last, then oldest, then id. */
const KEY = sql`coalesce(r.deadline_at, 'infinity'::timestamptz), r.created_at, r.id`;

/** Beijing time: staff pick submission dates as calendar days in China. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

function filterConditions(f: QueueFilters, viewer: QueueViewer, now: Date): SQL[] {
  const where: SQL[] = [];
  if (f.type) where.push(sql`r.type = ${f.type}::return_type`);
  if (f.minFen !== undefined) where.push(sql`r.requested_refund_fen >= ${f.minFen}`);
  if (f.maxFen !== undefined) where.push(sql`r.requested_refund_fen <= ${f.maxFen}`);
  if (f.from) where.push(sql`r.created_at >= ${dayStart(f.from).toISOString()}::timestamptz`);
  if (f.to) where.push(sql`r.created_at < ${new Date(dayStart(f.to).getTime() + 86_400_000).toISOString()}::timestamptz`);
  if (f.holder === "me") where.push(sql`r.holder_id = ${viewer.id}::uuid`);
  else if (f.holder === "nobody") where.push(sql`r.holder_id IS NULL`);
  else if (f.holder) where.push(sql`r.holder_id = ${f.holder}::uuid`);
  if (f.attention) where.push(needsAttentionSql(now));
  if (f.overdue) where.push(sql`coalesce(r.deadline_at, 'infinity'::timestamptz) < ${now.toISOString()}::timestamptz`);
  if (f.channel) {
    where.push(sql`EXISTS (SELECT 1 FROM orders o JOIN channels ch ON ch.id = o.channel_id WHERE o.id = r.order_id AND ch.code = ${f.channel}::channel_code)`);
  }
  if (f.category) {
    // The request's own copy of its categories (written at submission), through its GIN index;
    // an unknown code gives ARRAY[NULL], which contains nothing.
    where.push(sql`r.category_ids @> ARRAY[(SELECT cat.id FROM categories cat WHERE cat.code = ${f.category})]`);
  }
  return where;
}

/**
 * The requests a search matches, as a set of ids, each form on its own index: RMA (unique),
 * phone (unique) and its last four (expression index), order number (unique), return tracking
 * number, customer name (customers matched first by pg_trgm, see name-match.ts, then their
 * requests by return_requests_customer_idx).
 */
function searchIds(term: SearchTerm, names: NameMatch | null): SQL {
  switch (term.kind) {
    case "rma":
      return sql`SELECT id FROM return_requests WHERE rma_no = ${term.value}`;
    case "phone":
      return sql`SELECT id FROM return_requests WHERE customer_id IN (SELECT id FROM customers WHERE phone = ${term.value})`;
    case "phoneLast4":
      return sql`SELECT id FROM return_requests WHERE customer_id IN (SELECT id FROM customers WHERE right(phone, 4) = ${term.value})`;
    case "text": {
      const byName = names?.kind === "few" ? sql`UNION SELECT id FROM return_requests WHERE customer_id = ANY(${uuidArray(names.customerIds)}::uuid[])` : sql``;
      return sql`SELECT id FROM return_requests WHERE order_id IN (SELECT id FROM orders WHERE order_no = ${term.value})
        UNION SELECT id FROM return_requests WHERE return_tracking_no = ${term.value}
        ${byName}`;
    }
  }
}

/**
 * A text search whose name matches more customers than NAME_MATCH_BOUND, as a condition on each
 * row met while walking the queue index: with that many matches the first page is found early.
 */
function textCondition(value: string, pattern: string): SQL {
  return sql`(r.customer_id IN (SELECT id FROM customers WHERE name ILIKE ${pattern})
    OR r.order_id IN (SELECT id FROM orders WHERE order_no = ${value})
    OR r.return_tracking_no = ${value})`;
}

/** Only a queue that holds refund statuses reads the refunds (the other roles' pages cost nothing more). */
const refundFlagStatuses = (statuses: readonly ReturnStatus[]) => statuses.some((s) => s === "pending_refund" || s === "refunding");

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`);

/**
 * One page of a role's queue. Keyset pagination on (deadline NULLS LAST, created_at, id), never
 * OFFSET: a page costs the same at any depth, and rows added meanwhile do not shift the pages.
 *
 * Without a search, each status of the scope is read from its own stretch of the queue index
 * (status, key…), at most `limit` rows each, and the pieces are merged: an IN over several
 * statuses would make PostgreSQL collect and sort every row of them. With a search, the few
 * matching ids come first and are sorted directly; a name matching very many customers is the
 * exception (checked on each row of the walk instead, see name-match.ts).
 */
export async function listQueue(db: DbOrTx, viewer: QueueViewer, f: QueueFilters & { cursor?: string; limit?: number }, now = new Date()): Promise<QueuePage> {
  const limit = f.limit ?? 50;
  const statuses = scopeStatuses(viewer.role, f);
  if (statuses.length === 0) return { items: [], nextCursor: null };
  const after: QueueKey | null = f.cursor ? decodeCursor(f.cursor) : null;
  const common = filterConditions(f, viewer, now);
  if (after) {
    common.push(sql`(coalesce(r.deadline_at, 'infinity'::timestamptz), r.created_at, r.id) > (${after.deadline}::timestamptz, ${after.created}::timestamptz, ${after.id}::uuid)`);
  }
  const term = f.q ? classifySearch(f.q) : null;

  const branch = (statusCondition: SQL, extra: SQL[]) => sql`(
    SELECT r.id, coalesce(r.deadline_at, 'infinity'::timestamptz) AS kd, r.created_at AS kc
    FROM return_requests r
    WHERE ${statusCondition} AND ${and([...common, ...extra])}
    ORDER BY ${KEY}
    LIMIT ${limit + 1})`;
  const names = term?.kind === "text" ? await matchCustomerNames(db, term.value) : null;
  const walk = (extra: SQL[]) =>
    sql.join(
      statuses.map((s) => branch(sql`r.status = ${s}::return_status`, extra)),
      sql` UNION ALL `,
    );
  const pageIds = !term
    ? walk([])
    : term.kind === "text" && names?.kind === "many"
      ? walk([textCondition(term.value, names.pattern)])
      : branch(sql`r.status IN (${sql.join(statuses.map((s) => sql`${s}::return_status`), sql`, `)})`, [sql`r.id IN (${searchIds(term, names)})`]);

  const rows = await db.execute<Record<string, unknown>>(sql`
    SELECT r.id, r.rma_no AS "rmaNo", r.type, r.status, r.requested_refund_fen AS "requestedRefundFen",
           r.deadline_at AS "deadlineAt", r.created_at AS "createdAt", r.version, r.holder_id AS "holderId", h.name AS "holderName",
           o.order_no AS "orderNo", ch.code AS channel, c.name AS "customerName", c.phone AS "customerPhone",
           page.kd::text AS "keyDeadline", page.kc::text AS "keyCreated",
           ${refundFlagStatuses(statuses) ? refundFlagSql(now) : sql`NULL`} AS "refundFlag"
    FROM (${pageIds}) page
    JOIN return_requests r ON r.id = page.id
    JOIN orders o ON o.id = r.order_id
    JOIN channels ch ON ch.id = o.channel_id
    JOIN customers c ON c.id = r.customer_id
    LEFT JOIN staff_users h ON h.id = r.holder_id
    ORDER BY page.kd, page.kc, page.id
    LIMIT ${limit + 1}`);

  const list = [...rows];
  const more = list.length > limit;
  const items = list.slice(0, limit).map(toRow);
  const last = more ? list[limit - 1] : undefined;
  return {
    items,
    nextCursor: last ? encodeCursor({ deadline: String(last.keyDeadline), created: String(last.keyCreated), id: String(last.id) }) : null,
  };
}

function toRow(r: Record<string, unknown>): QueueRow {
  return {
    id: r.id as string,
    rmaNo: r.rmaNo as string,
    type: r.type as ReturnType,
    status: r.status as ReturnStatus,
    requestedRefundFen: Number(r.requestedRefundFen),
    deadlineAt: toDateOrNull(r.deadlineAt as string | null),
    createdAt: toDate(r.createdAt as string),
    version: Number(r.version),
    holderId: (r.holderId as string | null) ?? null,
    holderName: (r.holderName as string | null) ?? null,
    orderNo: r.orderNo as string,
    channel: r.channel as string,
    customerName: r.customerName as string,
    customerPhone: maskPhone(r.customerPhone as string),
    refundFlag: (r.refundFlag as RefundFlag | null) ?? null,
  };
}
