import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";

/**
 * RSA keys as merchants get them: Alipay's key tool prints the bare base64 body on one line
 * (PKCS#8 or PKCS#1 for the application private key, SPKI for Alipay's public key); others keep
 * PEM files. ALIPAY_PRIVATE_KEY / ALIPAY_PUBLIC_KEY accept either, and PEM with literal `\n`
 * escapes (an env line holds one line). Normalised to PEM for the SDK (private key as PKCS#8).
 */
function unescape(text: string): string {
  return text.trim().replace(/\\n/g, "\n");
}

function der(text: string): Buffer | null {
  const body = text.replace(/\s+/g, "");
  return /^[A-Za-z0-9+/]+=*$/.test(body) ? Buffer.from(body, "base64") : null;
}

export function parsePrivateKey(text: string): KeyObject {
  const value = unescape(text);
  if (value.includes("-----BEGIN")) return createPrivateKey(value);
  const bytes = der(value);
  if (!bytes) throw new Error("not a PEM or base64 RSA private key");
  try {
    return createPrivateKey({ key: bytes, format: "der", type: "pkcs8" });
  } catch {
    return createPrivateKey({ key: bytes, format: "der", type: "pkcs1" });
  }
}

export function parsePublicKey(text: string): KeyObject {
  const value = unescape(text);
  if (value.includes("-----BEGIN")) return createPublicKey(value);
  const bytes = der(value);
  if (!bytes) throw new Error("not a PEM or base64 RSA public key");
  try {
    return createPublicKey({ key: bytes, format: "der", type: "spki" });
  } catch {
    return createPublicKey({ key: bytes, format: "der", type: "pkcs1" });
  }
}

export function privateKeyPem(text: string): string {
  const key = parsePrivateKey(text);
  if (key.asymmetricKeyType !== "rsa") throw new Error("the Alipay application key must be an RSA key (RSA2)");
  return key.export({ format: "pem", type: "pkcs8" }).toString();
}

export function publicKeyPem(text: string): string {
  const key = parsePublicKey(text);
  if (key.asymmetricKeyType !== "rsa") throw new Error("Alipay's public key must be an RSA key (RSA2)");
  return key.export({ format: "pem", type: "spki" }).toString();
}

/** One-line base64 DER, the form Alipay's key tool prints (and the sandbox hands out as env lines). */
export function oneLineKey(key: KeyObject): string {
  return key.type === "private"
    ? key.export({ format: "der", type: "pkcs8" }).toString("base64")
    : key.export({ format: "der", type: "spki" }).toString("base64");
}
