import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../env";

/**
 * AES-256-GCM for small secrets at rest (TOTP seeds). The key is TOTP_ENCRYPTION_KEY when set,
 * else derived from AUTH_SECRET (HKDF-SHA256, its own `info`, so it is never the JWT key itself).
 * A database dump alone therefore does not hand out second factors. Stored as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
function appKeyMaterial(): string {
  const e = env();
  const material = e.TOTP_ENCRYPTION_KEY ?? e.AUTH_SECRET;
  if (!material) throw new Error("TOTP_ENCRYPTION_KEY or AUTH_SECRET must be set to store second-factor secrets");
  return material;
}

function key(material: string): Buffer {
  return Buffer.from(hkdfSync("sha256", material, "tuihuanhuo", "staff-totp-secret v1", 32));
}

/** `material` defaults to the app's key; a test fixture preparing a server's database passes that server's. */
export function sealSecret(plain: string, material = appKeyMaterial()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(material), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** Throws when the text was altered or sealed under another key. */
export function openSecret(sealed: string, material = appKeyMaterial()): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key(material), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
