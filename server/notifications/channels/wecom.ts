import { httpAttempt, postJson } from "./http-post";
import { short, type Attempt } from "./result";

/** A WeCom robot takes at most 4096 bytes of markdown. */
const MAX_MARKDOWN_BYTES = 4096;

/**
 * A WeCom (企业微信) group robot: POST `{ msgtype: "markdown", markdown: { content } }` to the
 * robot's webhook URL. WeCom answers HTTP 200 with `{ errcode, errmsg }`: only errcode 0 is
 * delivered (93000 = the robot's key is wrong or the robot removed, 45009 = over its limit of 20
 * messages a minute). The delivery id travels in a header for our own sandbox and proxies; the
 * robot itself has no message id.
 */
export async function sendWecom(robotUrl: string, message: { deliveryId: string; markdown: string }, options: { timeoutMs: number }): Promise<Attempt> {
  let content = message.markdown;
  while (Buffer.byteLength(content, "utf8") > MAX_MARKDOWN_BYTES) content = content.slice(0, Math.floor(content.length * 0.9));
  const answer = await postJson(robotUrl, JSON.stringify({ msgtype: "markdown", markdown: { content } }), { "x-tuihuanhuo-delivery": message.deliveryId }, options.timeoutMs);
  const http = httpAttempt(answer);
  if (!http.ok || "error" in answer) return http;
  try {
    const body = JSON.parse(answer.text) as { errcode?: unknown; errmsg?: unknown };
    if (body.errcode === 0) return { ok: true, response: short(`errcode 0: ${String(body.errmsg ?? "ok")}`) };
    // A removed robot (93000) does not come back by retrying.
    return { ok: false, response: short(`errcode ${String(body.errcode)}: ${String(body.errmsg ?? "")}`), final: body.errcode === 93000 };
  } catch {
    return { ok: false, response: short(`HTTP ${answer.status}: not a WeCom answer: ${answer.text}`) };
  }
}
