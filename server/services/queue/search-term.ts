/**
 * What the queue's one search box was given. Phones and RMA numbers have a shape of their own;
 * anything else may be an order number, a return tracking number or part of a customer's name.
 */
export type SearchTerm =
  | { kind: "rma"; value: string }
  | { kind: "phone"; value: string }
  | { kind: "phoneLast4"; value: string }
  | { kind: "text"; value: string };

export function classifySearch(raw: string): SearchTerm | null {
  const q = raw.trim();
  if (!q) return null;
  if (/^rma\d{8}[0-9a-z]{8}$/i.test(q)) return { kind: "rma", value: q.toUpperCase() };
  const digits = q.replace(/[\s-]/g, "");
  if (/^1[3-9]\d{9}$/.test(digits)) return { kind: "phone", value: digits };
  if (/^\d{4}$/.test(digits)) return { kind: "phoneLast4", value: digits };
  return { kind: "text", value: q };
}

/** A LIKE pattern for `value` with its wildcards taken literally. */
export function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
