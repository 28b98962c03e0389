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
}

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

export function hashEvent(event: HistoryEvent, prevHash: string): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(event)).digest("hex");
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
    const { prevHash: _p, hash, ...body } = e;
    if (hashEvent(body, prev) !== hash) return { ok: false, brokenAtSeq: e.seq, problem: "hash_mismatch" };
    prev = hash;
  }
  return { ok: true, count: events.length };
}
