import { createCipheriv, createHash, createSign, createVerify, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";

/**
 * The sandbox's own half of the WeChat Pay v3 wire protocol, written separately from the app's
 * adapter (server/payments/wechat-pay/) on purpose: if both sides shared one helper, a mistake in it
 * would agree with itself and no test would notice.
 */

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  privatePem: string;
  publicPem: string;
}

export function rsaKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    privateKey,
    publicKey,
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

/** Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…" (any order). */
export interface MerchantAuthorization {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

export function parseMerchantAuthorization(value: string | undefined): MerchantAuthorization | null {
  if (!value) return null;
  const m = /^WECHATPAY2-SHA256-RSA2048\s+(.+)$/.exec(value.trim());
  if (!m) return null;
  const out: Record<string, string> = {};
  for (const part of m[1]!.split(",")) {
    const kv = /^\s*([a-z_]+)="([^"]*)"\s*$/.exec(part);
    if (!kv) return null;
    out[kv[1]!] = kv[2]!;
  }
  const { mchid, nonce_str, signature, timestamp, serial_no } = out;
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) return null;
  return { mchid, nonce_str, signature, timestamp, serial_no };
}

export function verifyMerchantSignature(method: string, pathWithQuery: string, timestamp: string, nonce: string, body: string, signature: string, merchantPublicKey: KeyObject): boolean {
  const text = [method, pathWithQuery, timestamp, nonce, body].join("\n") + "\n";
  try {
    return createVerify("sha256WithRSAEncryption").update(Buffer.from(text, "utf8")).verify(merchantPublicKey, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}

/** The Wechatpay-* headers WeChat puts on an answer or a notification: signature over timestamp\nnonce\nbody\n. */
export function wechatpayHeaders(body: string, key: KeyObject, serial: string, at = Date.now()): Record<string, string> {
  const timestamp = Math.floor(at / 1000).toString();
  const nonce = randomBytes(16).toString("base64url");
  const signature = createSign("sha256WithRSAEncryption").update(Buffer.from(`${timestamp}\n${nonce}\n${body}\n`, "utf8")).sign(key).toString("base64");
  return {
    "Wechatpay-Timestamp": timestamp,
    "Wechatpay-Nonce": nonce,
    "Wechatpay-Serial": serial,
    "Wechatpay-Signature": signature,
    "Wechatpay-Signature-Type": "WECHATPAY2-SHA256-RSA2048",
  };
}

/** A notification's `resource`: AES-256-GCM under the APIv3 key, ciphertext = base64(encrypted ‖ tag). */
export function encryptResource(plaintext: string, apiV3Key: string, associatedData = "refund") {
  const nonce = randomBytes(6).toString("hex"); // WeChat's nonces are 12 characters
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(apiV3Key, "utf8"), Buffer.from(nonce, "utf8"));
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]).toString("base64");
  return { original_type: "refund", algorithm: "AEAD_AES_256_GCM", ciphertext, associated_data: associatedData, nonce };
}

export function sha1Hex(data: string | Buffer): string {
  return createHash("sha1").update(data).digest("hex");
}

/** Beijing wall-clock time in WeChat's RFC 3339 form: 2026-11-29T10:00:00+08:00. */
export function beijingRfc3339(at: Date): string {
  const b = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19);
  return `${b}+08:00`;
}
