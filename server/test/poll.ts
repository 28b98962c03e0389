/**
 * Polls `check` until it returns a value other than undefined, or fails after `timeoutMs` with
 * what it last saw. The bound is a safety net against a hang, not an assertion about speed:
 * tests assert on the state reached, never on how long it took.
 */
export async function pollUntil<T>(
  what: string,
  check: () => Promise<T | undefined>,
  opts: { timeoutMs?: number; everyMs?: number; describe?: () => Promise<unknown> } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) {
      const state = opts.describe ? await opts.describe() : undefined;
      throw new Error(`gave up waiting for ${what}${state === undefined ? "" : `; last state: ${JSON.stringify(state)}`}`);
    }
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 100));
  }
}
