import type { WechatPayConfig } from "./config";
import { MAX_SIGNATURE_AGE_SECONDS } from "./config";
import { authorizationHeader, newNonce, requestMessage, responseMessage, signSha256Rsa, unixSeconds, verifySha256Rsa } from "./signature";

/**
 * One signed call to the WeChat Pay v3 API. The answer is believed only when its Wechatpay-*
 * headers carry WeChat's key id and a valid signature over the exact body; anything else
 * (timeout, network, unsigned, wrong serial, stale timestamp) comes back as `untrusted`.
 */
export type WechatCall =
  | { kind: "verified"; status: number; body: unknown }
  | { kind: "untrusted"; why: string };

export async function wechatCall(config: WechatPayConfig, method: "GET" | "POST", pathWithQuery: string, body?: unknown): Promise<WechatCall> {
  const payload = body === undefined ? "" : JSON.stringify(body);
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${config.baseUrl}${pathWithQuery}`, {
      method,
      headers: signedHeaders(config, method, pathWithQuery, payload, body !== undefined),
      body: body === undefined ? undefined : payload,
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    text = await res.text();
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
    return { kind: "untrusted", why: timedOut ? `no answer within ${config.timeoutMs} ms` : `network error: ${e instanceof Error ? e.message : String(e)}` };
  }
  const problem = responseSignatureProblem(config, res.headers, text);
  if (problem) return { kind: "untrusted", why: `HTTP ${res.status}, ${problem}` };
  let parsed: unknown = null;
  if (text !== "") {
    try {
      parsed = JSON.parse(text);
    } catch {
      return { kind: "untrusted", why: `HTTP ${res.status}, the body is not JSON` };
    }
  }
  return { kind: "verified", status: res.status, body: parsed };
}

/** Authorization, Accept, Content-Type (for a body) and the User-Agent WeChat asks for. */
export function signedHeaders(config: WechatPayConfig, method: string, pathWithQuery: string, payload: string, hasBody: boolean): Record<string, string> {
  const timestamp = unixSeconds();
  const nonce = newNonce();
  const signature = signSha256Rsa(requestMessage(method, pathWithQuery, timestamp, nonce, payload), config.merchantPrivateKey);
  return {
    Authorization: authorizationHeader({ mchid: config.mchid, serialNo: config.merchantSerial, nonce, timestamp, signature }),
    Accept: "application/json",
    "User-Agent": "tuihuanhuo-refunds",
    ...(hasBody ? { "Content-Type": "application/json" } : {}),
  };
}

/** Why a response's signature headers cannot be trusted, or null when they verify. */
export function responseSignatureProblem(config: WechatPayConfig, headers: Headers, body: string): string | null {
  const timestamp = headers.get("wechatpay-timestamp");
  const nonce = headers.get("wechatpay-nonce");
  const serial = headers.get("wechatpay-serial");
  const signature = headers.get("wechatpay-signature");
  if (!timestamp || !nonce || !serial || !signature) return "the response is not signed";
  if (serial !== config.platformKeyId) return `the response is signed with an unknown key (${serial})`;
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS) return "the response's timestamp is too far from now";
  if (!verifySha256Rsa(responseMessage(timestamp, nonce, body), signature, config.platformPublicKey)) return "the response's signature does not verify";
  return null;
}
