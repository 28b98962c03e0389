/** What one attempt of a delivery came to: sent or not, and the receiver's answer in short (shown in the log). */
export interface Attempt {
  ok: boolean;
  response: string;
  /** No retry helps (the target is gone, the channel is not configured): fail now. */
  final?: boolean;
}

const MAX_RESPONSE = 300;

/** The first bytes of an answer, on one line. */
export function short(text: string, max = MAX_RESPONSE): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export function failureText(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    const cause = (e as { cause?: { code?: unknown } }).cause?.code;
    return short([typeof code === "string" ? code : typeof cause === "string" ? cause : null, e.message].filter(Boolean).join(": "));
  }
  return short(String(e));
}
