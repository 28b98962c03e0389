import { failureText, short, type Attempt } from "./result";

/** A POST with a deadline; any answer is read (its first bytes are the log's last response). */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; text: string } | { error: string }> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", "user-agent": "tuihuanhuo-notifications/1", ...headers },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text().catch(() => "");
    return { status: res.status, text: text.slice(0, 2000) };
  } catch (e) {
    return { error: failureText(e) };
  }
}

export function httpAttempt(r: { status: number; text: string } | { error: string }): Attempt {
  if ("error" in r) return { ok: false, response: r.error };
  return { ok: r.status >= 200 && r.status < 300, response: short(`HTTP ${r.status}${r.text ? `: ${r.text}` : ""}`) };
}
