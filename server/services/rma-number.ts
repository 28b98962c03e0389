import { randomInt } from "node:crypto";

// No 0/O, 1/I/L: customers read RMA numbers aloud and copy them onto parcels.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** RMA + date + 8 random characters (~39 bits): unique in practice, and the column is UNIQUE anyway. */
export function newRmaNumber(now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, "");
  let tail = "";
  for (let i = 0; i < 8; i++) tail += ALPHABET[randomInt(ALPHABET.length)];
  return `RMA${day}${tail}`;
}
