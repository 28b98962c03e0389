import { hkdfSync, randomBytes } from "node:crypto";
import { env } from "../env";

// Without AUTH_SECRET (tests, a bare `next dev`) a key that lives as long as this process: codes
// and challenges it signed simply stop verifying after a restart. Production has AUTH_SECRET.
let processSecret: Buffer | undefined;

/**
 * A 32-byte key for one purpose, derived from AUTH_SECRET (HKDF-SHA256): the database never holds
 * it, so a copy of the database cannot turn stored hashes of 6-digit codes back into codes.
 */
export function serverKey(purpose: string): Buffer {
  const secret = env().AUTH_SECRET ?? (processSecret ??= randomBytes(32)).toString("hex");
  return Buffer.from(hkdfSync("sha256", secret, "tuihuanhuo", purpose, 32));
}
