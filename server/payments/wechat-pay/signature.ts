import { createDecipheriv, createPrivateKey, createPublicKey, createSign, createVerify, randomBytes, type KeyObject } from "node:crypto";

/**
 * WeChat Pay API v3 signatures and encrypted resources, with Node's crypto
 * (docs/decisions/023-wechat-pay-refunds.md): SHA256withRSA over newline-terminated lines, and
 * AEAD_AES_256_GCM under the merchant's APIv3 key.
 */

/** What the merchant signs for a request: method, path with query, timestamp, nonce, body — each line ending in \n. */
export function requestMessage(method: string, pathWithQuery: string, timestamp: string, nonce: string, body: string): string {
  return `${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`;
}

/** What WeChat signs for a response or a notification: timestamp, nonce, body — each line ending in \n. */
export function responseMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

export function signSha256Rsa(message: string, privateKey: KeyObject): string {
  return createSign("RSA-SHA256").update(message, "utf8").sign(privateKey, "base64");
}

/** False for a signature that does not verify, is not base64, or has the wrong length — never throws. */
export function verifySha256Rsa(message: string, signature: string, publicKey: KeyObject): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
  try {
    return createVerify("RSA-SHA256").update(message, "utf8").verify(publicKey, signature, "base64");
  } catch {
    return false;
  }
}

export interface AuthorizationParts {
  mchid: string;
  serialNo: string;
  nonce: string;
  timestamp: string;
  signature: string;
}

/** The request's `Authorization` header value (scheme WECHATPAY2-SHA256-RSA2048). */
export function authorizationHeader(p: AuthorizationParts): string {
  return `WECHATPAY2-SHA256-RSA2048 mchid="${p.mchid}",nonce_str="${p.nonce}",signature="${p.signature}",timestamp="${p.timestamp}",serial_no="${p.serialNo}"`;
}

/** A fresh 32-character nonce (WeChat allows up to 32). */
export function newNonce(): string {
  return randomBytes(16).toString("hex").toUpperCase();
}

export function unixSeconds(at = Date.now()): string {
  return String(Math.floor(at / 1000));
}

export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  nonce: string;
  associated_data?: string;
}

/**
 * Decrypts a notification's `resource` with the APIv3 key (32 bytes): the ciphertext is
 * base64(encrypted ‖ 16-byte tag). Throws when the tag does not verify (tampered or another key).
 */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== "AEAD_AES_256_GCM") throw new Error(`unsupported algorithm ${resource.algorithm}`);
  const data = Buffer.from(resource.ciphertext, "base64");
  if (data.length < 17) throw new Error("ciphertext too short");
  const decipher = createDecipheriv("aes-256-gcm", Buffer.from(apiV3Key, "utf8"), Buffer.from(resource.nonce, "utf8"));
  decipher.setAuthTag(data.subarray(data.length - 16));
  decipher.setAAD(Buffer.from(resource.associated_data ?? "", "utf8"));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString("utf8");
}

/**
 * A PEM from an env variable: the PEM text itself, where line breaks may be written as the two
 * characters `\n` (one-line env files). Both forms give the same key.
 */
export function pemFromEnv(value: string): string {
  return value.includes("\\n") ? value.replace(/\\n/g, "\n") : value;
}

export function privateKeyFromEnv(value: string): KeyObject {
  return createPrivateKey(pemFromEnv(value));
}

export function publicKeyFromEnv(value: string): KeyObject {
  return createPublicKey(pemFromEnv(value));
}
