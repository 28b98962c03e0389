import { createHash, randomInt } from "node:crypto";

/** Ten codes: enough for a lost phone and a few sign-ins until the store manager resets the factor. */
export const RECOVERY_CODE_COUNT = 10;

// No 0/o, 1/l/i: read off paper and typed.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** "abcde-fghjk": 10 characters of 31 (≈ 50 bits), too many to guess within the code-step limit. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** What a person may type: any case, with or without the dash or spaces. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, "");
}

export function looksLikeRecoveryCode(input: string): boolean {
  return /^[a-z0-9]{10}$/.test(normaliseRecoveryCode(input));
}

/** SHA-256 is enough: the codes are random, not chosen by a person (argon2 would add nothing but CPU). */
export function hashRecoveryCode(input: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(input)).digest("hex");
}
