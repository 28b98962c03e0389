import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, chain, GENESIS_HASH, hashEvent, moneyFromHistory, sealPersonal, verifyChain, verifyRequestHistory, type ChainedEvent, type HistoryEvent, type RecordedRequest } from "./history";
import { ACTIONS, RETURN_STATUSES, type ReturnStatus } from "./vocabulary";

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

function event(seq: number, overrides: Partial<HistoryEvent> = {}): HistoryEvent {
  return {
    requestId: "req-1",
    seq,
    actorType: "staff",
    actorId: "cs-1",
    role: "customer_service",
    action: "approve",
    fromStatus: "pending_cs_review",
    toStatus: "awaiting_shipment",
    reasonCode: null,
    comment: "照片清楚，同意退货",
    changes: { approvedAmountFen: 12_900 },
    createdAt: new Date(Date.UTC(2025, 10, 11, 2, 0, seq)),
    ...overrides,
  };
}

function buildChain(events: HistoryEvent[]): ChainedEvent[] {
  const out: ChainedEvent[] = [];
  let prev = GENESIS_HASH;
  for (const e of events) {
    const c = chain(e, prev);
    out.push(c);
    prev = c.hash;
  }
  return out;
}

/** What comes back from the database: JSON, with createdAt as a Date again. */
function roundTrip(events: ChainedEvent[]): ChainedEvent[] {
  return (JSON.parse(JSON.stringify(events)) as (Omit<ChainedEvent, "createdAt"> & { createdAt: string })[]).map((e) => ({
    ...e,
    createdAt: new Date(e.createdAt),
  }));
}

// ---------------------------------------------------------------------------------------------
// canonicalJson
// ---------------------------------------------------------------------------------------------

describe("canonicalJson", () => {
  it("sorts keys at every level and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, 2], c: "x" } })).toBe('{"a":{"c":"x","d":[3,1,2]},"b":1}');
  });

  it("writes dates as ISO strings, drops undefined properties, keeps null", () => {
    expect(canonicalJson({ at: new Date("2025-11-11T00:00:00.000Z"), gone: undefined, none: null })).toBe(
      '{"at":"2025-11-11T00:00:00.000Z","none":null}',
    );
  });

  it("escapes strings like JSON (Chinese text, quotes, newlines)", () => {
    expect(canonicalJson({ comment: '尺码"偏小"\n' })).toBe('{"comment":"尺码\\"偏小\\"\\n"}');
  });

  it("property: is valid JSON equal to the value, independent of key insertion order, stable over a JSON round trip", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(text);
        const reversed = reverseKeys(value);
        expect(canonicalJson(reversed)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  // Regression: an undefined array item was written as nothing, while jsonb stores null, so a chain read back from the database failed to verify.
  it("an array holding undefined canonicalises like its stored JSON form", () => {
    expect(canonicalJson({ sizes: ["M", undefined] })).toBe(canonicalJson(JSON.parse(JSON.stringify({ sizes: ["M", undefined] }))));
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).reverse()) {
      Object.defineProperty(out, k, { value: reverseKeys((value as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// chain and verifyChain, examples
// ---------------------------------------------------------------------------------------------

describe("chain", () => {
  it("hashes sha256(prevHash + newline + canonical JSON of the event, its personal fields replaced by their digests)", () => {
    const e = event(1, { changes: { approvedAmountFen: 12_900, returnTrackingNo: "SF1234567890" } });
    const digest = (v: unknown) => createHash("sha256").update(canonicalJson(v)).digest("hex");
    const hashed = { ...e, comment: { sealed: digest(e.comment) }, changes: { approvedAmountFen: 12_900, returnTrackingNo: { sealed: digest("SF1234567890") } } };
    const expected = createHash("sha256").update(`${GENESIS_HASH}\n${canonicalJson(hashed)}`).digest("hex");
    const c = chain(e, GENESIS_HASH);
    expect(c.prevHash).toBe(GENESIS_HASH);
    expect(c.hash).toBe(expected);
    expect(c.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(GENESIS_HASH).toBe("0".repeat(64));
  });

  it("the hash depends on the previous hash and on the key order of nothing", () => {
    const e = event(1);
    const shuffled = Object.fromEntries(Object.entries(e).reverse()) as unknown as HistoryEvent;
    expect(hashEvent(shuffled, GENESIS_HASH)).toBe(hashEvent(e, GENESIS_HASH));
    expect(hashEvent(e, "1".repeat(64))).not.toBe(hashEvent(e, GENESIS_HASH));
  });
});

describe("verifyChain", () => {
  const events = buildChain([1, 2, 3, 4].map((n) => event(n)));

  it("accepts an intact chain and an empty one", () => {
    expect(verifyChain(events)).toEqual({ ok: true, count: 4 });
    expect(verifyChain([])).toEqual({ ok: true, count: 0 });
  });

  it("an intact chain survives the trip through the database (JSON + Date)", () => {
    expect(verifyChain(roundTrip(events))).toEqual({ ok: true, count: 4 });
  });

  it("reports an edited comment at its seq", () => {
    const tampered = events.map((e) => (e.seq === 2 ? { ...e, comment: "改过的" } : e));
    expect(verifyChain(tampered)).toEqual({ ok: false, brokenAtSeq: 2, problem: "hash_mismatch" });
  });

  it("reports a deleted middle event as a seq gap", () => {
    expect(verifyChain(events.filter((e) => e.seq !== 2))).toEqual({ ok: false, brokenAtSeq: 3, problem: "seq_gap" });
  });

  it("reports a recomputed hash as a break at the following event", () => {
    const tampered = [...events];
    const forged = chain({ ...event(2), comment: "伪造" }, events[0]!.hash);
    tampered[1] = forged;
    expect(verifyChain(tampered)).toEqual({ ok: false, brokenAtSeq: 3, problem: "prev_hash_mismatch" });
  });

  it("LIMITATION: dropping the newest events leaves a valid, shorter chain (the caller must compare count / head hash)", () => {
    expect(verifyChain(events.slice(0, 3))).toEqual({ ok: true, count: 3 });
  });
});

// ---------------------------------------------------------------------------------------------
// properties
// ---------------------------------------------------------------------------------------------

const textArb = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 20 }), fc.constantFrom("尺码偏小", "质量问题，已拍照"));
const bodyArb = fc.record({
  actorType: fc.constantFrom("customer" as const, "staff" as const, "system" as const),
  actorId: fc.option(textArb, { nil: null }),
  role: fc.constantFrom("customer", "customer_service", "operations_manager", "warehouse", "finance", "system"),
  action: fc.constantFrom(...ACTIONS),
  fromStatus: fc.option(fc.constantFrom(...RETURN_STATUSES), { nil: null }),
  toStatus: fc.constantFrom(...RETURN_STATUSES),
  // Reason codes are rows now: any code of the allowed shape.
  reasonCode: fc.option(fc.stringMatching(/^[a-z0-9_]{2,40}$/), { nil: null }),
  comment: fc.option(textArb, { nil: null }),
  changes: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  createdAt: fc.date({ noInvalidDate: true, min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-01-01T00:00:00Z") }),
});
const eventsArb = fc
  .tuple(fc.uuid(), fc.array(bodyArb, { minLength: 1, maxLength: 12 }))
  .map(([requestId, bodies]) => bodies.map((b, i): HistoryEvent => ({ requestId, seq: i + 1, ...b })));

const FIELDS = [
  "requestId",
  "seq",
  "actorType",
  "actorId",
  "role",
  "action",
  "fromStatus",
  "toStatus",
  "reasonCode",
  "comment",
  "changes",
  "createdAt",
  "prevHash",
  "hash",
] as const satisfies readonly (keyof ChainedEvent)[];

function otherStatus(status: ReturnStatus, pick: number): ReturnStatus {
  const others = RETURN_STATUSES.filter((s) => s !== status);
  return others[pick % others.length]!;
}
const flipHex = (h: string) => (h[0] === "a" ? "b" : "a") + h.slice(1);
const toggle = (v: string | null, pick: number) => (v === null ? `t${pick}` : pick % 2 ? null : `${v}x`);

/** A copy of `e` with `field` changed to a value whose canonical form differs. */
function tamper(e: ChainedEvent, field: (typeof FIELDS)[number], pick: number): ChainedEvent {
  switch (field) {
    case "seq":
      return { ...e, seq: e.seq + 1 + (pick % 3) };
    case "actorType": {
      const types = ["customer", "staff", "system"] as const;
      return { ...e, actorType: types[(types.indexOf(e.actorType) + 1 + (pick % 2)) % 3]! };
    }
    case "actorId":
      return { ...e, actorId: toggle(e.actorId, pick) };
    case "reasonCode":
      return { ...e, reasonCode: toggle(e.reasonCode, pick) };
    case "comment":
      return { ...e, comment: toggle(e.comment, pick) };
    case "fromStatus":
      return { ...e, fromStatus: e.fromStatus === null ? otherStatus("closed", pick) : pick % 2 ? null : otherStatus(e.fromStatus, pick) };
    case "toStatus":
      return { ...e, toStatus: otherStatus(e.toStatus, pick) };
    case "action": {
      const others = ACTIONS.filter((a) => a !== e.action);
      return { ...e, action: others[pick % others.length]! };
    }
    case "requestId":
      return { ...e, requestId: `${e.requestId}x` };
    case "role":
      return { ...e, role: `${e.role}x` };
    case "changes": {
      const keys = Object.keys(e.changes);
      if (keys.length > 0 && pick % 2) {
        const k = keys[pick % keys.length]!;
        return { ...e, changes: { ...e.changes, [k]: [e.changes[k]] } };
      }
      return { ...e, changes: { ...e.changes, "\u0000tampered": 1 } };
    }
    case "createdAt":
      return { ...e, createdAt: new Date(e.createdAt.getTime() + (pick % 2 ? 1 : -86_400_000)) };
    case "prevHash":
      return { ...e, prevHash: flipHex(e.prevHash) };
    case "hash":
      return { ...e, hash: flipHex(e.hash) };
  }
}

describe("property: the hash chain", () => {
  it("a random chain verifies, also after a JSON round trip", () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        const c = buildChain(events);
        expect(verifyChain(c)).toEqual({ ok: true, count: events.length });
        expect(verifyChain(roundTrip(c))).toEqual({ ok: true, count: events.length });
        expect(c[0]!.prevHash).toBe(GENESIS_HASH);
        for (let i = 1; i < c.length; i++) expect(c[i]!.prevHash).toBe(c[i - 1]!.hash);
      }),
      { numRuns: 300 },
    );
  });

  it("changing any field of any event breaks verification at the right place", () => {
    fc.assert(
      fc.property(eventsArb, fc.nat(), fc.constantFrom(...FIELDS), fc.nat(), (events, at, field, pick) => {
        const c = buildChain(events);
        const i = at % c.length;
        const changed = tamper(c[i]!, field, pick);
        expect(canonicalJson(changed)).not.toBe(canonicalJson(c[i]));
        const tampered = c.map((e, k) => (k === i ? changed : e));
        const result = verifyChain(tampered);
        expect(result.ok).toBe(false);
        const expected =
          field === "seq"
            ? { brokenAtSeq: changed.seq, problem: "seq_gap" }
            : field === "prevHash"
              ? { brokenAtSeq: i + 1, problem: "prev_hash_mismatch" }
              : { brokenAtSeq: i + 1, problem: "hash_mismatch" }; // body fields and the stored hash itself
        expect(result).toEqual({ ok: false, ...expected });
      }),
      { numRuns: 1000 },
    );
  });

  it("deleting any event but the newest breaks verification", () => {
    fc.assert(
      fc.property(
        eventsArb.filter((e) => e.length >= 2),
        fc.nat(),
        (events, at) => {
          const c = buildChain(events);
          const i = at % (c.length - 1);
          const result = verifyChain(c.filter((_, k) => k !== i));
          expect(result).toEqual({ ok: false, brokenAtSeq: i + 2, problem: "seq_gap" });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reordering events breaks verification, even if the seq numbers are rewritten to fit", () => {
    fc.assert(
      fc.property(
        eventsArb.filter((e) => e.length >= 2),
        fc.nat(),
        fc.nat(),
        (events, a, b) => {
          const c = buildChain(events);
          const i = a % c.length;
          let j = b % c.length;
          if (j === i) j = (i + 1) % c.length;
          const swapped = [...c];
          [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
          expect(verifyChain(swapped).ok).toBe(false);
          const renumbered = swapped.map((e, k) => ({ ...e, seq: k + 1 }));
          const result = verifyChain(renumbered);
          expect(result.ok).toBe(false);
          expect(result).toMatchObject({ brokenAtSeq: Math.min(i, j) + 1 });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("re-chaining after an edit cannot reproduce the original head hash", () => {
    fc.assert(
      fc.property(eventsArb, fc.nat(), fc.constantFrom(...FIELDS.filter((f) => !["seq", "prevHash", "hash"].includes(f))), fc.nat(), (events, at, field, pick) => {
        const original = buildChain(events);
        const i = at % events.length;
        const edited = events.map((e, k) => {
          if (k !== i) return e;
          const { prevHash: _p, hash: _h, ...body } = tamper(original[k]!, field, pick);
          return body;
        });
        const rechained = buildChain(edited);
        expect(verifyChain(rechained).ok).toBe(true);
        expect(rechained.at(-1)!.hash).not.toBe(original.at(-1)!.hash);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// the history against the request row (verifyRequestHistory)
// ---------------------------------------------------------------------------------------------

describe("moneyFromHistory and verifyRequestHistory", () => {
  // Inspection mismatch, partial refund of ¥80 out of ¥100, the gateway fails once, then pays.
  const story = buildChain([
    event(1, { action: "submit", fromStatus: null, toStatus: "pending_cs_review", actorType: "customer", role: "customer", changes: { requestedRefundFen: 100_00 } }),
    event(2, { action: "accept_partial", fromStatus: "inspection_mismatch", toStatus: "pending_refund", changes: { approvedRefundFen: 80_00, deductionFen: 20_00 } }),
    event(3, { action: "refund", fromStatus: "pending_refund", toStatus: "refunding", changes: { refundId: "rf-1" } }),
    event(4, { action: "refund_failed", fromStatus: "refunding", toStatus: "pending_refund", actorType: "system", role: "system", changes: { failureReason: "余额不足" } }),
    event(5, { action: "refund", fromStatus: "pending_refund", toStatus: "refunding", changes: { refundId: "rf-1" } }),
    event(6, { action: "refund_succeeded", fromStatus: "refunding", toStatus: "completed", actorType: "system", role: "system", changes: {} }),
  ]);
  const row: RecordedRequest = {
    status: "completed",
    requestedRefundFen: 100_00,
    approvedRefundFen: 80_00,
    lastEventSeq: 6,
    lastEventHash: story[5]!.hash,
    refunds: [{ id: "rf-1", amountFen: 80_00, status: "succeeded" }],
  };

  it("replays the money of events from before several refunds per request: the approved amount, re-armed after a failure", () => {
    expect(moneyFromHistory(story)).toEqual({ requestedRefundFen: 100_00, approvedRefundFen: 80_00, refunds: [{ id: "rf-1", amountFen: 80_00, status: "succeeded" }] });
    expect(moneyFromHistory(story.slice(0, 4)).refunds).toEqual([{ id: "rf-1", amountFen: 80_00, status: "failed" }]);
    expect(moneyFromHistory(story.slice(0, 3)).refunds).toEqual([{ id: "rf-1", amountFen: 80_00, status: "live" }]);
  });

  // A refund the gateway CLOSED, retried under a new number that pays; each step names its refund.
  const several = buildChain([
    event(1, { action: "submit", fromStatus: null, toStatus: "pending_cs_review", actorType: "customer", role: "customer", changes: { requestedRefundFen: 50_00 } }),
    event(2, { action: "refund", fromStatus: "pending_refund", toStatus: "refunding", changes: { refundId: "rf-1", amountFen: 50_00, outRefundNo: "RFX-1" } }),
    event(3, { action: "refund_failed", fromStatus: "refunding", toStatus: "pending_refund", actorType: "system", role: "system", changes: { refundId: "rf-1", refundStatus: "closed", amountFen: 50_00 } }),
    event(4, { action: "refund", fromStatus: "pending_refund", toStatus: "refunding", changes: { refundId: "rf-2", amountFen: 50_00, outRefundNo: "RFX-2", replacesRefundId: "rf-1" } }),
    event(5, { action: "refund_abnormal", fromStatus: "refunding", toStatus: "refunding", actorType: "system", role: "system", changes: { refundId: "rf-2", refundStatus: "abnormal", amountFen: 50_00 } }),
    event(6, { action: "refund_succeeded", fromStatus: "refunding", toStatus: "completed", actorType: "system", role: "system", changes: { refundId: "rf-2", refundStatus: "succeeded", amountFen: 50_00 } }),
  ]);

  it("replays several refunds of one request, each by its id", () => {
    expect(moneyFromHistory(several).refunds).toEqual([
      { id: "rf-1", amountFen: 50_00, status: "closed" },
      { id: "rf-2", amountFen: 50_00, status: "succeeded" },
    ]);
    expect(moneyFromHistory(several.slice(0, 5)).refunds.at(-1)).toEqual({ id: "rf-2", amountFen: 50_00, status: "abnormal" });
    const rows = [
      { id: "rf-2", amountFen: 50_00, status: "succeeded" as const },
      { id: "rf-1", amountFen: 50_00, status: "closed" as const },
    ];
    const recorded: RecordedRequest = { status: "completed", requestedRefundFen: 50_00, approvedRefundFen: null, lastEventSeq: 6, lastEventHash: several[5]!.hash, refunds: rows };
    expect(verifyRequestHistory(recorded, several)).toEqual({ ok: true, count: 6 });
    // A pending or processing row is what the history calls live.
    const live: RecordedRequest = { ...recorded, status: "refunding", lastEventSeq: 4, lastEventHash: several[3]!.hash, refunds: [rows[1]!, { ...rows[0]!, status: "processing" }] };
    expect(verifyRequestHistory(live, several.slice(0, 4))).toEqual({ ok: true, count: 4 });
    // A refund row the history never created, or one edited to another amount, is caught.
    expect(verifyRequestHistory({ ...recorded, refunds: [...rows, { id: "rf-3", amountFen: 1, status: "pending" }] }, several)).toMatchObject({ field: "refunds.id", history: null, row: "rf-3" });
    expect(verifyRequestHistory({ ...recorded, refunds: [{ ...rows[0]!, amountFen: 49_00 }, rows[1]!] }, several)).toMatchObject({ field: "refunds.amount_fen", history: 50_00, row: 49_00 });
  });

  it("a matching row verifies", () => {
    expect(verifyRequestHistory(row, story)).toEqual({ ok: true, count: 6 });
  });

  it("each kind of disagreement is named with the field and both values", () => {
    expect(verifyRequestHistory(row, [])).toEqual({ ok: false, problem: "history_missing", field: "last_event_seq", history: 0, row: 6 });
    expect(verifyRequestHistory(row, story.slice(0, 5))).toEqual({ ok: false, problem: "head_mismatch", field: "last_event_seq", history: 5, row: 6 });
    expect(verifyRequestHistory({ ...row, lastEventHash: "f".repeat(64) }, story)).toMatchObject({ ok: false, problem: "head_mismatch", field: "last_event_hash" });
    expect(verifyRequestHistory({ ...row, status: "refunding" }, story)).toMatchObject({ problem: "state_mismatch", field: "status", history: "completed" });
    expect(verifyRequestHistory({ ...row, approvedRefundFen: 100_00 }, story)).toMatchObject({ problem: "state_mismatch", field: "approved_refund_fen", history: 80_00 });
    expect(verifyRequestHistory({ ...row, refunds: [] }, story)).toMatchObject({ problem: "state_mismatch", field: "refunds.id", history: "rf-1", row: null });
    expect(verifyRequestHistory({ ...row, refunds: [{ id: "rf-1", amountFen: 80_00, status: "failed" }] }, story)).toMatchObject({ field: "refunds.status", history: "succeeded", row: "failed" });
  });

  it("a break in the chain is still reported as the chain's", () => {
    const broken = story.map((e) => (e.seq === 2 ? { ...e, changes: { approvedRefundFen: 99_00 } } : e));
    expect(verifyRequestHistory(row, broken)).toEqual({ ok: false, brokenAtSeq: 2, problem: "hash_mismatch" });
  });
});

// ---------------------------------------------------------------------------------------------
// erasure of personal fields (docs/decisions/018-personal-data.md)
// ---------------------------------------------------------------------------------------------

/** What the retention job leaves of an event: no comment, no tracking number, their digests. */
function erase(e: ChainedEvent): ChainedEvent {
  const { returnTrackingNo: _t, ...changes } = e.changes;
  return { ...e, comment: null, changes, sealed: sealPersonal(e) };
}

describe("erasing personal fields", () => {
  const events = buildChain([
    event(1, { comment: null }),
    event(2, { comment: "我叫张三，电话 13800138000", changes: { returnCarrier: "SF", returnTrackingNo: "SF1234567890" } }),
    event(3),
  ]);

  it("keeps the history verifiable once comments and tracking numbers are gone", () => {
    const erased = events.map(erase);
    expect(erased[1]!.comment).toBeNull();
    expect(erased[1]!.changes).toEqual({ returnCarrier: "SF" });
    expect(verifyChain(roundTrip(erased))).toEqual({ ok: true, count: 3 });
  });

  it("still refuses an erased event whose other fields changed, or whose digest was swapped", () => {
    const erased = events.map(erase);
    expect(verifyChain(erased.map((e) => (e.seq === 2 ? { ...e, toStatus: "closed" as ReturnStatus } : e)))).toMatchObject({ ok: false, brokenAtSeq: 2 });
    const swapped = erased.map((e) => (e.seq === 2 ? { ...e, sealed: { ...e.sealed, comment: "0".repeat(64) } } : e));
    expect(verifyChain(swapped)).toMatchObject({ ok: false, brokenAtSeq: 2, problem: "hash_mismatch" });
    // Erasing without keeping the digests is not an erasure the chain accepts.
    expect(verifyChain(erased.map((e) => ({ ...e, sealed: null })))).toMatchObject({ ok: false, brokenAtSeq: 2 });
  });

  it("verifies events chained before sealing existed (plain hash) while they are intact", () => {
    let prev = GENESIS_HASH;
    const legacy = [event(1), event(2)].map((e) => {
      const hash = createHash("sha256").update(`${prev}\n${canonicalJson(e)}`).digest("hex");
      const c: ChainedEvent = { ...e, prevHash: prev, hash };
      prev = hash;
      return c;
    });
    expect(verifyChain(legacy)).toEqual({ ok: true, count: 2 });
    expect(verifyChain(legacy.map((e) => ({ ...e, comment: "changed" })))).toMatchObject({ ok: false, brokenAtSeq: 1 });
  });
});
