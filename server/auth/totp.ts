import { generate, generateSecret, generateURI, verify } from "otplib";

/**
 * RFC 6238 TOTP through otplib (SHA-1, 6 digits, 30 s: what every authenticator app reads).
 * One adjacent period either side is accepted for clock drift; a step at or before the last
 * accepted one is refused, so an overheard code cannot be replayed within its window.
 */
const TOLERANCE_SECONDS = 30;
const ISSUER = "退换货";

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret });
}

/** The code an authenticator shows now (demo accounts and tests). */
export function totpCode(secret: string, now = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

/** The matching time step, or null for a wrong, expired or already-used code. */
export async function checkTotp(secret: string, code: string, lastStep: number | null, now = new Date()): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
