import { createSign, createVerify, type KeyObject } from "node:crypto";

/**
 * Alipay's RSA2 signing rules, as its open platform documents them (the sandbox's half of the
 * protocol; the app's half is the official alipay-sdk):
 * - a request: every parameter except `sign` (and empty ones), sorted by name, `k=v` joined by
 *   `&`, RSA-SHA256 with the merchant's application private key, base64;
 * - a response: RSA-SHA256 over the exact JSON text of `<method>_response`, with Alipay's key;
 * - an asynchronous notification: every parameter except `sign` and `sign_type`, sorted, joined
 *   like a request, with Alipay's key.
 */
export function signingString(params: Record<string, string>, exclude: string[]): string {
  return Object.keys(params)
    .filter((k) => !exclude.includes(k) && params[k] !== "")
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("&");
}

export function rsa2Sign(text: string, key: KeyObject): string {
  return createSign("RSA-SHA256").update(text, "utf8").sign(key, "base64");
}

export function rsa2Verify(text: string, signature: string, key: KeyObject): boolean {
  try {
    return createVerify("RSA-SHA256").update(text, "utf8").verify(key, signature, "base64");
  } catch {
    return false;
  }
}

/** `{"<method>_response":{…},"sign":"…"}` with the signature over the inner JSON text exactly as sent. */
export function signedResponse(method: string, body: Record<string, unknown>, key: KeyObject): string {
  const inner = JSON.stringify(body);
  return `{"${method.replaceAll(".", "_")}_response":${inner},"sign":"${rsa2Sign(inner, key)}"}`;
}
