import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * Aliyun's V3 request signature (ACS3-HMAC-SHA256), recomputed the way Aliyun's gateway does it,
 * from what arrived on the wire. Written from the published algorithm, not borrowed from the SDK,
 * so the sandbox really checks what the SDK sends.
 *
 *   CanonicalRequest = METHOD \n path \n sorted query (k=percent(v)) \n signed headers (k:v\n)
 *                      \n signed header names joined by ; \n hex(sha256(body))
 *   StringToSign     = "ACS3-HMAC-SHA256" \n hex(sha256(CanonicalRequest))
 *   Signature        = hex(hmac-sha256(AccessKeySecret, StringToSign))
 */
export const ACS3 = "ACS3-HMAC-SHA256";

export interface ParsedAuthorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  if (!header?.startsWith(`${ACS3} `)) return null;
  const fields = new Map<string, string>();
  for (const part of header.slice(ACS3.length + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get("Credential");
  const signed = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!accessKeyId || !signed || !signature) return null;
  return { accessKeyId, signedHeaders: signed.split(";"), signature };
}

/** RFC 3986 percent-encoding, as Aliyun specifies it (space → %20, and !'()* encoded too). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The raw query string's pairs, decoded ("+" is a literal plus: the SDK encodes spaces as %20). */
export function decodeQuery(raw: string): [string, string][] {
  if (!raw) return [];
  return raw.split("&").filter(Boolean).map((pair) => {
    const eq = pair.indexOf("=");
    const k = eq < 0 ? pair : pair.slice(0, eq);
    const v = eq < 0 ? "" : pair.slice(eq + 1);
    return [decodeURIComponent(k), decodeURIComponent(v)];
  });
}

export function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

export function expectedSignature(input: {
  method: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string | string[] | undefined>;
  signedHeaders: string[];
  payloadHash: string;
  secret: string;
}): string {
  const query = [...input.query]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${percentEncode(v)}`)
    .join("&");
  const headerLines = [...input.signedHeaders]
    .sort()
    .map((name) => {
      const raw = input.headers[name];
      const values = (Array.isArray(raw) ? raw : [raw ?? ""]).map((v) => v.trim()).sort();
      return `${name}:${values.join(",")}\n`;
    })
    .join("");
  const canonical = [input.method, input.path, query, headerLines, [...input.signedHeaders].sort().join(";"), input.payloadHash].join("\n");
  const toSign = `${ACS3}\n${sha256Hex(canonical)}`;
  return createHmac("sha256", input.secret).update(toSign).digest("hex");
}

export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}
