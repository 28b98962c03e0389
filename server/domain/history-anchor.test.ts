import { describe, expect, it } from "vitest";
import { anchorMac, assertAnchorKey, checkAnchor, makeAnchor } from "./history-anchor";

const KEY = "a-secret-key-of-thirty-two-chars!!";
const heads = [
  { requestId: "b0000000-0000-4000-8000-000000000000", seq: 3, hash: "b".repeat(64) },
  { requestId: "a0000000-0000-4000-8000-000000000000", seq: 1, hash: "a".repeat(64) },
];

describe("history anchors", () => {
  it("the HMAC covers the day and every head, in any input order", () => {
    expect(anchorMac("2026-11-29", heads, KEY)).toBe(anchorMac("2026-11-29", [...heads].reverse(), KEY));
    expect(anchorMac("2026-11-30", heads, KEY)).not.toBe(anchorMac("2026-11-29", heads, KEY));
    expect(anchorMac("2026-11-29", [{ ...heads[0]!, seq: 4 }, heads[1]!], KEY)).not.toBe(anchorMac("2026-11-29", heads, KEY));
    expect(anchorMac("2026-11-29", heads, `${KEY}x`)).not.toBe(anchorMac("2026-11-29", heads, KEY));
  });

  it("checks every anchored event against what is stored now", () => {
    const anchor = makeAnchor("2026-11-29", heads, KEY, new Date("2026-11-29T23:00:00Z"));
    expect(anchor.heads.map((h) => h.seq)).toEqual([1, 3]);
    const stored = new Map(heads.map((h) => [`${h.requestId}:${h.seq}`, h.hash]));
    const lookup = (m: Map<string, string>) => (id: string, seq: number) => m.get(`${id}:${seq}`);
    expect(checkAnchor(anchor, KEY, lookup(stored))).toEqual({ ok: true, count: 2 });
    const rewritten = new Map(stored).set(`${heads[0]!.requestId}:3`, "c".repeat(64));
    expect(checkAnchor(anchor, KEY, lookup(rewritten))).toEqual({ ok: false, problem: "rewritten", requestId: heads[0]!.requestId, seq: 3, anchored: "b".repeat(64), found: "c".repeat(64) });
    const removed = new Map(stored);
    removed.delete(`${heads[1]!.requestId}:1`);
    expect(checkAnchor(anchor, KEY, lookup(removed))).toMatchObject({ ok: false, problem: "rewritten", found: null });
    expect(checkAnchor({ ...anchor, day: "2026-11-28" }, KEY, lookup(stored))).toEqual({ ok: false, problem: "signature_invalid" });
  });

  it("refuses a missing or short key", () => {
    expect(() => assertAnchorKey(undefined)).toThrow(/HISTORY_ANCHOR_KEY/);
    expect(() => assertAnchorKey("short")).toThrow(/32/);
    expect(assertAnchorKey(KEY)).toBe(KEY);
  });
});
