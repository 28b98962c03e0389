import { createHash } from "node:crypto";
import type { Action, ReturnStatus } from "./vocabulary";

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
export const PERSONAL_CHANGE_KEYS = ["returnTrackingNo"] as const;

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

export type VerifyResult = { ok: true; count: number } | { ok: false; brokenAtSeq: number; problem: "seq_gap" | "prev_hash_mismatch" | "hash_mismatch" };

/** Recomputes the chain of one request's events (ordered by seq) and reports the first break. */
export function verifyChain(events: readonly ChainedEvent[]): VerifyResult {
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
