/**
 * Alipay speaks yuan as decimal strings with at most two places ("12.30"); the app keeps integer
 * fen. Both directions are exact string arithmetic: no floating point ever touches money.
 */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not a whole, non-negative number of fen: ${fen}`);
  const yuan = Math.trunc(fen / 100);
  const cents = fen % 100;
  return `${yuan}.${String(cents).padStart(2, "0")}`;
}

/** "12.3" → 1230, "0.01" → 1, "-5.00" → -500 (bill lines carry refunds as negative amounts). Anything else → null. */
export function yuanToFen(yuan: string | undefined | null): number | null {
  const m = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/.exec((yuan ?? "").trim());
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -fen : fen;
}
