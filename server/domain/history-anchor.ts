import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Anchors of the request histories outside the database (decision 017). Each day the newest
 * event of every request — its chain head — is written to a file with an HMAC whose key the
 * database does not hold (HISTORY_ANCHOR_KEY). Someone able to rewrite a whole chain in the
 * database (and the request row with it, so verifyHistory agrees) cannot make the anchored event
 * hash again, nor forge an anchor without the key.
 */

export interface ChainHead {
  requestId: string;
  seq: number;
  hash: string;
}

export interface HistoryAnchor {
  version: 1;
  /** The day anchored, YYYY-MM-DD (UTC). */
  day: string;
  createdAt: string;
  heads: ChainHead[];
  /** HMAC-SHA256 (hex) of the day and the heads sorted by request id (anchorMac). */
  hmac: string;
}

const DOMAIN = "tuihuanhuo history anchor v1";

const sorted = (heads: readonly ChainHead[]) => [...heads].sort((a, b) => (a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : 0));

/** The HMAC over the day and one line "<request id> <seq> <hash>" per head, sorted by request id. */
export function anchorMac(day: string, heads: readonly ChainHead[], key: string): string {
  const mac = createHmac("sha256", key).update(`${DOMAIN}\n${day}\n`);
  for (const h of sorted(heads)) mac.update(`${h.requestId} ${h.seq} ${h.hash}\n`);
  return mac.digest("hex");
}

export function makeAnchor(day: string, heads: readonly ChainHead[], key: string, createdAt: Date): HistoryAnchor {
  return { version: 1, day, createdAt: createdAt.toISOString(), heads: sorted(heads), hmac: anchorMac(day, heads, key) };
}

export type AnchorCheck =
  | { ok: true; count: number }
  | { ok: false; problem: "signature_invalid" }
  /** The anchored event is gone (found: null) or hashes differently now: the chain was rewritten. */
  | { ok: false; problem: "rewritten"; requestId: string; seq: number; anchored: string; found: string | null };

/**
 * Checks an anchor against the events stored now: `stored` gives the hash of a request's event
 * at a seq (undefined when there is none). A chain may have grown since the anchor; the anchored
 * event must still be there, unchanged. The key must be the one the anchor was made with.
 */
export function checkAnchor(anchor: HistoryAnchor, key: string, stored: (requestId: string, seq: number) => string | undefined): AnchorCheck {
  const expected = Buffer.from(anchorMac(anchor.day, anchor.heads, key), "hex");
  const given = Buffer.from(anchor.hmac, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: "signature_invalid" };
  for (const h of anchor.heads) {
    const found = stored(h.requestId, h.seq) ?? null;
    if (found !== h.hash) return { ok: false, problem: "rewritten", requestId: h.requestId, seq: h.seq, anchored: h.hash, found };
  }
  return { ok: true, count: anchor.heads.length };
}

/** The key must be long enough to be a secret: 32 characters or more. */
export function assertAnchorKey(key: string | undefined): string {
  if (!key || key.length < 32) throw new Error("HISTORY_ANCHOR_KEY must be set to a secret of at least 32 characters (kept outside the database)");
  return key;
}
