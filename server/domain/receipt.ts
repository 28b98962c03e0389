import type { ItemCondition } from "./vocabulary";

/**
 * What arrived compared with what was declared (docs/decisions/028-parcels-add-up.md). Plain
 * data in, a verdict out: the receiving service feeds it every parcel recorded so far, the state
 * machine's `receive` step takes its `matches`.
 */

/** A line of the request as declared: how many units, bounded by what the order line sold. */
export interface DeclaredLine {
  returnLineId: string;
  /** Units the customer said they are sending back (return_lines.quantity). */
  expected: number;
  /** Units the order line sold (order_lines.quantity): no receipt of a line can be right above it. */
  ordered: number;
}

/** Part of one parcel: units of one line in one condition. */
export interface ReceivedPart {
  returnLineId: string;
  quantity: number;
  condition: ItemCondition;
}

export interface LineComparison {
  returnLineId: string;
  expected: number;
  received: number;
  /** The distinct conditions of the units received (parts of zero units say nothing), in vocabulary order. */
  conditions: ItemCondition[];
  /** Every unit received is in a condition the policy accepts (true when none arrived). */
  acceptable: boolean;
}

export interface ReceiptComparison {
  /** Every line arrived in full (received = expected, within the order) and every unit is acceptable. */
  matches: boolean;
  /** Every line has at least what was expected: nothing more to wait for. */
  complete: boolean;
  lines: LineComparison[];
  /** The lines that do not match: what operations is shown. */
  differences: LineComparison[];
}

const CONDITION_ORDER: readonly ItemCondition[] = ["as_new", "opened", "used", "damaged", "missing"];

/**
 * Sums the parts per declared line and compares. A part naming no declared line is ignored (the
 * service refuses such input before it is stored); a line no part names was received 0 times.
 */
export function compareReceipt(declared: readonly DeclaredLine[], parts: readonly ReceivedPart[], acceptable: readonly ItemCondition[]): ReceiptComparison {
  const byLine = new Map<string, { received: number; conditions: Set<ItemCondition> }>();
  for (const d of declared) byLine.set(d.returnLineId, { received: 0, conditions: new Set() });
  for (const p of parts) {
    const line = byLine.get(p.returnLineId);
    if (!line || p.quantity <= 0) continue;
    line.received += p.quantity;
    line.conditions.add(p.condition);
  }
  const lines = declared.map((d): LineComparison => {
    const got = byLine.get(d.returnLineId)!;
    const conditions = CONDITION_ORDER.filter((c) => got.conditions.has(c));
    return { returnLineId: d.returnLineId, expected: d.expected, received: got.received, conditions, acceptable: conditions.every((c) => acceptable.includes(c)) };
  });
  const ordered = new Map(declared.map((d) => [d.returnLineId, d.ordered]));
  const lineMatches = (l: LineComparison) => l.received === l.expected && l.received <= ordered.get(l.returnLineId)! && l.acceptable;
  const differences = lines.filter((l) => !lineMatches(l));
  return {
    matches: declared.length > 0 && differences.length === 0,
    complete: lines.every((l) => l.received >= l.expected),
    lines,
    differences,
  };
}

/**
 * The one condition a return line's inspection column keeps (return_lines.condition) when its
 * units arrived in several: the worst of them, or "missing" when none arrived.
 */
export function worstCondition(conditions: readonly ItemCondition[]): ItemCondition {
  let worst = -1;
  for (const c of conditions) worst = Math.max(worst, CONDITION_ORDER.indexOf(c));
  return worst < 0 ? "missing" : CONDITION_ORDER[worst]!;
}
