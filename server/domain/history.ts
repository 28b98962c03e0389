import { createHash } from "node:crypto";
import type { Action, RefundStatus, ReturnStatus } from "./vocabulary";

/** One entry of a request's append-only history. */
export interface HistoryEvent {
  requestId: string;
  /** 1, 2, 3… within the request. */
  seq: number;
  actorType: "customer" | "staff" | "system";
  actorId: string | null;
  role: string;
  action: Action;
  fromStatus: ReturnStatus | null;
  toStatus: ReturnStatus;
  reasonCode: string | null;
  comment: string | null;
  changes: Record<string, unknown>;
  createdAt: Date;
}

export interface ChainedEvent extends HistoryEvent {
  prevHash: string;
  hash: string;
  /**
   * Set once the event's personal fields were erased (retention, erasure request): their
   * digests, which is what the hash covered all along. Absent while the fields are present.
   */
  sealed?: Seals | null;
}

/**
 * Personal data an event may carry: its free-text comment (customers and staff write names,
 * addresses, phone numbers into it) and these members of `changes`. The hash covers only their
 * SHA-256 digests, so they can be erased later and the history still verifies
 * (docs/decisions/018-personal-data.md).
 */
export const PERSONAL_CHANGE_KEYS = ["returnTrackingNo", "replacementTrackingNo"] as const;

/** "comment" and "changes.<key>" → SHA-256 of the value's canonical JSON. "legacy" marks an event chained before sealing existed. */
export type Seals = Record<string, string>;

export const GENESIS_HASH = "0".repeat(64);

/** JSON with sorted keys, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  // Like JSON (and jsonb), an undefined array item is null; undefined object members are dropped below.
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

const digest = (value: unknown) => createHash("sha256").update(canonicalJson(value)).digest("hex");

/** The digests of the personal fields an event holds (nothing for null or absent ones). */
export function sealPersonal(event: HistoryEvent): Seals {
  const seals: Seals = {};
  if (event.comment !== null) seals.comment = digest(event.comment);
  for (const key of PERSONAL_CHANGE_KEYS) {
    const value = event.changes[key];
    if (value !== undefined && value !== null) seals[`changes.${key}`] = digest(value);
  }
  return seals;
}

/** The event as hashed: each personal field replaced by {sealed: digest}; everything else as is. */
function hashedForm(event: HistoryEvent, seals: Seals): unknown {
  const { sealed: _sealed, ...rest } = event as HistoryEvent & { sealed?: unknown };
  const changes: Record<string, unknown> = { ...rest.changes };
  for (const key of PERSONAL_CHANGE_KEYS) {
    const seal = seals[`changes.${key}`];
    if (seal) changes[key] = { sealed: seal };
  }
  return { ...rest, comment: seals.comment ? { sealed: seals.comment } : null, changes };
}

/** sha256(prevHash + "\n" + canonical JSON of the event with its personal fields sealed). */
export function hashEvent(event: HistoryEvent, prevHash: string, seals: Seals = sealPersonal(event)): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(hashedForm(event, seals))).digest("hex");
}

/** The hash of events chained before personal fields were sealed: over the plain event. */
function legacyHash(event: HistoryEvent, prevHash: string): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(event)).digest("hex");
}

/**
 * Whether a stored event's content matches its hash. An erased event is checked against its
 * seals; one chained before sealing existed and erased since ("legacy" seal) can only be
 * checked for its links, which verifyChain does for every event.
 */
function contentMatches(event: HistoryEvent, sealed: Seals | null | undefined, prevHash: string, hash: string): boolean {
  if (sealed?.legacy) return true;
  if (sealed) return hashEvent(event, prevHash, sealed) === hash;
  return hashEvent(event, prevHash) === hash || legacyHash(event, prevHash) === hash;
}

/** Whether an event (as chained) was hashed in the legacy form: its erasure then keeps only its links. */
export function isLegacyHashed(event: ChainedEvent): boolean {
  const { prevHash, hash, sealed: _s, ...body } = event;
  return hashEvent(body, prevHash) !== hash && legacyHash(body, prevHash) === hash;
}

export function chain(event: HistoryEvent, prevHash: string): ChainedEvent {
  return { ...event, prevHash, hash: hashEvent(event, prevHash) };
}

/** A break inside the chain itself: the first event that does not follow from the one before. */
export type ChainBreak = { ok: false; brokenAtSeq: number; problem: "seq_gap" | "prev_hash_mismatch" | "hash_mismatch" };

/**
 * The chain is whole, but the request row (or its refund) says something the history does not:
 * - history_missing: the request exists and has no events at all (every one was removed);
 * - head_mismatch: the newest event is not the one the request row recorded when it was
 *   written (last_event_seq / last_event_hash): newer events were removed, or forged ones added;
 * - state_mismatch: a field of the request row or its refund row differs from what its events
 *   say it must be (a status, an amount, a refund edited in place);
 * - request_missing: events exist for a request whose row is gone.
 * `field` names the column, `history` what the events say it must be, `row` what it holds.
 */
export type StateBreak = {
  ok: false;
  problem: "history_missing" | "head_mismatch" | "state_mismatch" | "request_missing";
  field: string;
  history: string | number | null;
  row: string | number | null;
};

export type VerifyResult = { ok: true; count: number } | ChainBreak | StateBreak;

/** Recomputes the chain of one request's events (ordered by seq) and reports the first break. */
export function verifyChain(events: readonly ChainedEvent[]): { ok: true; count: number } | ChainBreak {
  let prev = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    if (e.seq !== i + 1) return { ok: false, brokenAtSeq: e.seq, problem: "seq_gap" };
    if (e.prevHash !== prev) return { ok: false, brokenAtSeq: e.seq, problem: "prev_hash_mismatch" };
    const { prevHash: _p, hash, sealed, ...body } = e;
    if (!contentMatches(body, sealed, prev, hash)) return { ok: false, brokenAtSeq: e.seq, problem: "hash_mismatch" };
    prev = hash;
  }
  return { ok: true, count: events.length };
}

/**
 * A refund as the history knows it. `live` covers pending and processing: the gateway's
 * intermediate answers are kept on the refund row (last_answer, attempts), not in the history;
 * every final state (and abnormal) is a step of the request, so it is here.
 */
export type HistoryRefundStatus = "live" | Exclude<RefundStatus, "pending" | "processing">;

export interface HistoryRefund {
  id: string;
  amountFen: number;
  status: HistoryRefundStatus;
}

/** The money of a request as its rows hold it: what verification checks against the history. */
export interface MoneyState {
  requestedRefundFen: number;
  approvedRefundFen: number | null;
  /** The request's refund records, by id. */
  refunds: HistoryRefund[];
}

/** The request row as stored, beside its events. */
export interface RecordedRequest {
  status: ReturnStatus;
  requestedRefundFen: number;
  approvedRefundFen: number | null;
  lastEventSeq: number;
  lastEventHash: string;
  /** Its refund rows, with their stored status. */
  refunds: { id: string; amountFen: number; status: RefundStatus }[];
}

/** A refund row's status as the history can know it. */
export const historyStatusOf = (status: RefundStatus): HistoryRefundStatus => (status === "pending" || status === "processing" ? "live" : status);

/**
 * The money state a request's events lead to, replayed in order: the amount asked at submission,
 * the amount operations accepted (full or partial), and every refund record — created by a
 * `refund` step (its amount in the event; events from before several refunds per request carry
 * only the id, and the approved-else-requested amount), made live again by a later `refund` step
 * naming the same id (a retry under the same number), and ended by the system's
 * refund_succeeded / refund_failed (failed or closed) / refund_abnormal. Events from before the
 * refund id was recorded on those steps mean the newest refund.
 */
export function moneyFromHistory(events: readonly HistoryEvent[]): MoneyState {
  const money: MoneyState = { requestedRefundFen: 0, approvedRefundFen: null, refunds: [] };
  const byId = new Map<string, HistoryRefund>();
  const named = (c: Record<string, unknown>) => (typeof c.refundId === "string" ? byId.get(c.refundId) : money.refunds.at(-1));
  for (const e of events) {
    const c = e.changes;
    // An exchange converted to a refund (decision 030) is priced by its conversion step.
    if ((e.action === "submit" || e.action === "convert_to_refund") && typeof c.requestedRefundFen === "number") money.requestedRefundFen = c.requestedRefundFen;
    if ("approvedRefundFen" in c) money.approvedRefundFen = typeof c.approvedRefundFen === "number" ? c.approvedRefundFen : null;
    // Finance's retry from the refund panel is a refund step too (docs/decisions/024).
    if ((e.action === "refund" || e.action === "retry_refund") && typeof c.refundId === "string") {
      const known = byId.get(c.refundId);
      if (known) known.status = "live";
      else {
        const refund: HistoryRefund = { id: c.refundId, amountFen: typeof c.amountFen === "number" ? c.amountFen : (money.approvedRefundFen ?? money.requestedRefundFen), status: "live" };
        byId.set(refund.id, refund);
        money.refunds.push(refund);
      }
    }
    // An offline refund finance recorded: paid; an abnormal one it replaces ends failed (its reservation moved over).
    if (e.action === "record_offline_refund" && typeof c.refundId === "string") {
      const replaced = typeof c.replacesRefundId === "string" ? byId.get(c.replacesRefundId) : undefined;
      if (replaced?.status === "abnormal") replaced.status = "failed";
      const refund: HistoryRefund = { id: c.refundId, amountFen: Number(c.amountFen), status: "succeeded" };
      byId.set(refund.id, refund);
      money.refunds.push(refund);
    }
    const refund = e.action.startsWith("refund_") ? named(c) : undefined;
    if (refund && e.action === "refund_succeeded") refund.status = "succeeded";
    if (refund && e.action === "refund_failed") refund.status = c.refundStatus === "closed" ? "closed" : "failed";
    if (refund && e.action === "refund_abnormal") refund.status = "abnormal";
  }
  return { ...money, refunds: money.refunds.map((r) => ({ ...r })) };
}

/**
 * Verifies a request's history against itself (the chain) and against the request row: the
 * chain's head must be the event the row recorded as its newest, the row's status the head's,
 * and the row's money and its refund row what the events say. Deleting the newest events, all
 * events, or editing an amount in place is caught here; a rewrite of the whole chain together
 * with the row needs the anchors outside the database (scripts/history-anchor.ts).
 */
export function verifyRequestHistory(row: RecordedRequest, events: readonly ChainedEvent[]): VerifyResult {
  const chained = verifyChain(events);
  if (!chained.ok) return chained;
  const head = events.at(-1);
  if (!head) return { ok: false, problem: "history_missing", field: "last_event_seq", history: 0, row: row.lastEventSeq };
  if (head.seq !== row.lastEventSeq) return { ok: false, problem: "head_mismatch", field: "last_event_seq", history: head.seq, row: row.lastEventSeq };
  if (head.hash !== row.lastEventHash) return { ok: false, problem: "head_mismatch", field: "last_event_hash", history: head.hash, row: row.lastEventHash };
  const mismatch = (field: string, history: string | number | null, found: string | number | null): StateBreak | null =>
    history === found ? null : { ok: false, problem: "state_mismatch", field, history, row: found };
  const money = moneyFromHistory(events);
  const problem =
    mismatch("status", head.toStatus, row.status) ??
    mismatch("requested_refund_fen", money.requestedRefundFen, row.requestedRefundFen) ??
    mismatch("approved_refund_fen", money.approvedRefundFen, row.approvedRefundFen) ??
    refundsMismatch(money.refunds, row.refunds, mismatch);
  return problem ?? { ok: true, count: events.length };
}

/** Every refund row is one the history created, with its amount and (as far as the history knows) its status, and none is missing. */
function refundsMismatch(
  history: readonly HistoryRefund[],
  rows: RecordedRequest["refunds"],
  mismatch: (field: string, history: string | number | null, found: string | number | null) => StateBreak | null,
): StateBreak | null {
  const stored = new Map(rows.map((r) => [r.id, r]));
  for (const h of history) {
    const r = stored.get(h.id);
    const problem =
      mismatch("refunds.id", h.id, r?.id ?? null) ??
      mismatch("refunds.amount_fen", h.amountFen, r!.amountFen) ??
      mismatch("refunds.status", h.status, historyStatusOf(r!.status));
    if (problem) return problem;
    stored.delete(h.id);
  }
  const extra = stored.values().next().value;
  return extra ? mismatch("refunds.id", null, extra.id) : null;
}
