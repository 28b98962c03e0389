import type { DbOrTx } from "../../db/client";
import { consumeChallenge, type ChallengePurpose, type ChallengeSolution } from "../challenge/proof-of-work";
import { AppError } from "../domain/errors";
import { countHit, hitRateLimit, peekCount } from "./rate-limit";

/**
 * The customer sign-in limits (docs/decisions/014). Two kinds, on purpose:
 * - Limits keyed by the *caller* (IP, phone+IP, order+IP) refuse: they stop only whoever hits them.
 * - Limits keyed by the *victim* (a phone, an order number, the whole shop) never refuse on their
 *   own, or a third party could lock a customer out by tripping them; past them every caller must
 *   solve a proof-of-work challenge, which the real user's browser does in under a second.
 * The global SMS cap is the one exception: it refuses, because it guards the merchant's bill.
 */
export const CUSTOMER_LIMITS = {
  /** Code requests from one IP per hour: refused beyond (carrier NAT shares IPs, hence not lower). */
  sendsPerIpHour: 30,
  /** …and a challenge from the 6th on. */
  sendsPerIpBeforeChallenge: 5,
  /** One phone from one IP: one code a minute, five an hour. */
  resendSeconds: 60,
  sendsPerPhoneIpHour: 5,
  /** One order number from one IP per hour. */
  sendsPerOrderIpHour: 5,
  /** Requests for one phone / one order number from all IPs per hour before a challenge is asked. */
  sendsPerPhoneBeforeChallenge: 5,
  sendsPerOrderBeforeChallenge: 5,
  /** Code checks from one IP per 10 minutes: refused beyond. */
  verifiesPerIp10Min: 60,
  /** Wrong codes from one IP for the newest code of a phone: that IP may not try this code again. */
  wrongPerCodePerIp: 5,
  /** Wrong codes for one code from all IPs: then the code is void (a 50-in-a-million guess at most). */
  wrongPerCodeTotal: 50,
  /** Wrong codes from one IP per hour (any phone), or for one phone per 15 min (all IPs), before every check needs a challenge. */
  wrongPerIpBeforeChallenge: 10,
  wrongPerPhoneBeforeChallenge: 10,
} as const;

const HOUR = 3600;
const QUARTER = 900;

/**
 * A null IP (the peer address could not be read) is one shared caller "unknown" for the
 * challenge thresholds, and exempt from the refusing per-IP limits: one abuser must not lock out
 * everyone who shares the fallback, so past the thresholds they all just solve challenges.
 */
const ipKey = (ip: string | null) => ip ?? "unknown";

export const keys = {
  sendsIp: (ip: string | null) => `sms:ip:${ipKey(ip)}`,
  sendsPhone: (phone: string) => `sms:phone:${phone}:hour`,
  sendsPhoneIpMin: (phone: string, ip: string | null) => `sms:phone:${phone}:ip:${ipKey(ip)}:min`,
  sendsPhoneIpHour: (phone: string, ip: string | null) => `sms:phone:${phone}:ip:${ipKey(ip)}:hour`,
  sendsOrder: (orderNo: string) => `sms:order:${orderNo}:hour`,
  sendsOrderIp: (orderNo: string, ip: string | null) => `sms:order:${orderNo}:ip:${ipKey(ip)}:hour`,
  sendsGlobal: () => "sms:global:hour",
  verifiesIp: (ip: string | null) => `verify:ip:${ipKey(ip)}`,
  wrongIp: (ip: string | null) => `verify:wrong:ip:${ipKey(ip)}`,
  wrongPhone: (phone: string) => `verify:wrong:phone:${phone}`,
  wrongCodeIp: (verificationId: string, ip: string | null) => `verify:wrong:code:${verificationId}:ip:${ipKey(ip)}`,
};

/** Asks for (or checks and uses up) a challenge when `needed`. */
async function challengeGate(db: DbOrTx, purpose: ChallengePurpose, needed: boolean, solution: ChallengeSolution | undefined, now: Date) {
  if (!needed) return;
  if (!solution) throw new AppError("challenge_required");
  await consumeChallenge(db, purpose, solution, now);
}

/** Before a code request is looked at: challenge when asked for, then the refusing limits, then the counters. */
export async function limitCodeRequest(
  db: DbOrTx,
  input: { phone: string; orderNo?: string; ip: string | null; challenge?: ChallengeSolution },
  maxSendsPerHour: number,
  now: Date,
): Promise<void> {
  const L = CUSTOMER_LIMITS;
  const [ipSends, phoneSends, orderSends] = await Promise.all([
    peekCount(db, keys.sendsIp(input.ip), HOUR, now),
    peekCount(db, keys.sendsPhone(input.phone), HOUR, now),
    input.orderNo ? peekCount(db, keys.sendsOrder(input.orderNo), HOUR, now) : 0,
  ]);
  const needed = ipSends >= L.sendsPerIpBeforeChallenge || phoneSends >= L.sendsPerPhoneBeforeChallenge || orderSends >= L.sendsPerOrderBeforeChallenge;
  await challengeGate(db, "sms", needed, input.challenge, now);

  if (input.ip) {
    await hitRateLimit(db, keys.sendsIp(input.ip), L.sendsPerIpHour, HOUR, now);
    await hitRateLimit(db, keys.sendsPhoneIpMin(input.phone, input.ip), 1, L.resendSeconds, now);
    await hitRateLimit(db, keys.sendsPhoneIpHour(input.phone, input.ip), L.sendsPerPhoneIpHour, HOUR, now);
    if (input.orderNo) await hitRateLimit(db, keys.sendsOrderIp(input.orderNo, input.ip), L.sendsPerOrderIpHour, HOUR, now);
  } else {
    await countHit(db, keys.sendsIp(null), HOUR, now);
  }
  await countHit(db, keys.sendsPhone(input.phone), HOUR, now);
  if (input.orderNo) await countHit(db, keys.sendsOrder(input.orderNo), HOUR, now);
  // Counted for every accepted request, matching or not, so hitting the cap tells nothing about a pair.
  await hitRateLimit(db, keys.sendsGlobal(), maxSendsPerHour, HOUR, now);
}

/** Before a code is checked: challenge after many wrong codes, then the per-IP cap on checks. */
export async function limitCodeCheck(db: DbOrTx, input: { phone: string; ip: string | null; challenge?: ChallengeSolution }, now: Date): Promise<void> {
  const L = CUSTOMER_LIMITS;
  const [ipWrong, phoneWrong] = await Promise.all([peekCount(db, keys.wrongIp(input.ip), HOUR, now), peekCount(db, keys.wrongPhone(input.phone), QUARTER, now)]);
  await challengeGate(db, "verify", ipWrong >= L.wrongPerIpBeforeChallenge || phoneWrong >= L.wrongPerPhoneBeforeChallenge, input.challenge, now);
  if (input.ip) await hitRateLimit(db, keys.verifiesIp(input.ip), L.verifiesPerIp10Min, 600, now);
}

/** This IP's wrong tries on a code so far. */
export function wrongOnCodeFromIp(db: DbOrTx, verificationId: string, ip: string | null, now: Date): Promise<number> {
  return peekCount(db, keys.wrongCodeIp(verificationId, ip), 600, now);
}

/** Records one wrong code; returns this IP's wrong tries on that code, this one included. */
export async function recordWrongCode(db: DbOrTx, input: { phone: string; ip: string | null; verificationId: string }, now: Date): Promise<number> {
  await countHit(db, keys.wrongIp(input.ip), HOUR, now);
  await countHit(db, keys.wrongPhone(input.phone), QUARTER, now);
  return (await countHit(db, keys.wrongCodeIp(input.verificationId, input.ip), 600, now)).count;
}
