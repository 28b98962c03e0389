/**
 * A rewrite of a whole chain (and of the request row, so verifyHistory agrees) by someone who can
 * switch off the append-only trigger is caught by the anchors kept outside the database.
 */
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { returnEvents, returnRequests } from "../../../db/schema";
import { chain, GENESIS_HASH, type ChainedEvent } from "../../domain/history";
import { createTestDatabase } from "../../test/db";
import { makeOrder, staffCaller, submitFor } from "../../test/fixtures";
import { anchorHistories, chainHeads, checkHistoryAnchor } from "../history-anchors";
import { loadHistory, verifyHistory } from "../history-store";

const { db, sql } = await createTestDatabase();
const KEY = "k".repeat(40);

describe("daily anchors of the chain heads", () => {
  it("hold while chains grow, and catch a whole chain rewritten together with its row", async () => {
    const a = await submitFor(db, await makeOrder(db, [{ priceFen: 150_00 }]), "refund_only");
    const b = await submitFor(db, await makeOrder(db, [{ priceFen: 60_00 }]), "return_refund");
    const anchor = await anchorHistories(db, KEY, new Date("2026-11-29T23:00:00Z"));
    expect(anchor.day).toBe("2026-11-29");
    expect(anchor.heads).toHaveLength(2);
    expect(await chainHeads(db)).toEqual(anchor.heads);
    expect(await checkHistoryAnchor(db, anchor, KEY)).toEqual({ ok: true, count: 2 });

    // The next day's work: the chain grows past the anchored head, which stays in place.
    const cs = await staffCaller(db, "customer_service");
    await cs.caller.staff.approve({ requestId: b.res.id, version: (await b.read()).version });
    expect(await checkHistoryAnchor(db, anchor, KEY)).toEqual({ ok: true, count: 2 });

    // The owner rewrites request a's whole history: a smaller amount, every hash recomputed, the row to match.
    const original = await loadHistory(db, a.res.id);
    let prev = GENESIS_HASH;
    const forged: ChainedEvent[] = original.map(({ prevHash: _p, hash: _h, ...body }) => {
      const e = chain(body.seq === 1 ? { ...body, changes: { ...body.changes, requestedRefundFen: 15_00 } } : body, prev);
      prev = e.hash;
      return e;
    });
    await sql.begin(async (tx) => {
      await tx`ALTER TABLE return_events DISABLE TRIGGER return_events_no_update_delete`;
      for (const e of forged) {
        await tx`UPDATE return_events SET changes = ${JSON.stringify(e.changes)}::jsonb, prev_hash = ${e.prevHash}, hash = ${e.hash} WHERE request_id = ${a.res.id} AND seq = ${e.seq}`;
      }
      await tx`ALTER TABLE return_events ENABLE TRIGGER return_events_no_update_delete`;
      await tx`UPDATE return_requests SET requested_refund_fen = 1500, last_event_hash = ${prev} WHERE id = ${a.res.id}`;
    });
    const [row] = await db.select().from(returnRequests).where(eq(returnRequests.id, a.res.id));
    expect(row!.requestedRefundFen).toBe(15_00);
    // Inside the database everything agrees again: this is what the anchor is for.
    expect(await verifyHistory(db, a.res.id)).toEqual({ ok: true, count: 1 });
    const head = (await db.select().from(returnEvents).where(eq(returnEvents.requestId, a.res.id)).orderBy(asc(returnEvents.seq)))[0]!;
    expect(await checkHistoryAnchor(db, anchor, KEY)).toEqual({
      ok: false,
      problem: "rewritten",
      requestId: a.res.id,
      seq: 1,
      anchored: original[0]!.hash,
      found: head.hash,
    });
  });

  it("an anchor edited to match a rewrite, or checked with another key, is refused", async () => {
    await submitFor(db, await makeOrder(db, [{ priceFen: 20_00 }]), "refund_only");
    const anchor = await anchorHistories(db, KEY);
    const edited = { ...anchor, heads: anchor.heads.map((h, i) => (i === 0 ? { ...h, hash: "0".repeat(64) } : h)) };
    expect(await checkHistoryAnchor(db, edited, KEY)).toEqual({ ok: false, problem: "signature_invalid" });
    expect(await checkHistoryAnchor(db, anchor, "another key that is long enough......")).toEqual({ ok: false, problem: "signature_invalid" });
    expect(await checkHistoryAnchor(db, { ...anchor, hmac: "zz" }, KEY)).toEqual({ ok: false, problem: "signature_invalid" });
  });
});
