import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { customerSessions, customers, orders, smsVerifications } from "../../db/schema";
import type { ChallengeSolution } from "../challenge/proof-of-work";
import { AppError } from "../domain/errors";
import type { SmsSetup } from "../sms/from-env";
import { CUSTOMER_LIMITS, limitCodeCheck, limitCodeRequest, recordWrongCode, wrongOnCodeFromIp } from "./customer-limits";
import { env } from "../env";
import { customerFromSession } from "./customer-sessions";
import { maskPhone } from "./mask-phone";
import { serverKey } from "./server-key";

export const CODE_TTL_SECONDS = 300;
export const RESEND_AFTER_SECONDS = CUSTOMER_LIMITS.resendSeconds;
/** Wrong codes one IP may try on a code (the code itself stays good for others: decisions/014). */
export const MAX_CODE_ATTEMPTS = CUSTOMER_LIMITS.wrongPerCodePerIp;
export const SESSION_TTL_SECONDS = 7 * 24 * 3600;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
/**
 * Keyed with a secret the database does not hold: a plain hash of a six-digit code is undone by
 * trying all million codes, so a leaked table would leak live codes.
 */
const hashCode = (verificationId: string, code: string) => createHmac("sha256", serverKey("sms-code")).update(`${verificationId}:${code}`).digest("hex");

export interface CodeSent {
  /** Where the code went, masked ("138****5678"), for the "code sent to …" line. */
  maskedPhone: string;
  expiresInSeconds: number;
  resendAfterSeconds: number;
  /** Demo mode only (DEMO_MODE=1, set by the demo command): the code, shown on the page. */
  demoCode?: string;
}

export interface RequestCodeOptions {
  demo: boolean;
  /** The configured provider; null = none (then only the demo can hand out codes). */
  sms: SmsSetup | null;
  log?: (line: string) => void;
  maxSendsPerHour?: number;
}

/**
 * Sends a one-time code to `phone` when it placed the order (when one is named). The answer is
 * the same whether or not phone and order match and whether the phone is a customer's at all:
 * nothing can be learnt from it, and no code is made when they do not match (the check then
 * simply fails). Limits: customer-limits.ts. The SMS goes out after the answer is decided and is
 * not awaited, so the reply's timing does not tell a match either.
 */
export async function requestCode(
  db: Db,
  input: { phone: string; orderNo?: string; ip: string | null; challenge?: ChallengeSolution },
  opts: RequestCodeOptions,
  now = new Date(),
): Promise<CodeSent> {
  if (!opts.sms && !opts.demo) throw new AppError("sms_unavailable");
  await limitCodeRequest(db, input, opts.maxSendsPerHour ?? 2000, now);

  const [customer] = await db.select({ id: customers.id }).from(customers).where(eq(customers.phone, input.phone));
  let matches = Boolean(customer);
  if (customer && input.orderNo) {
    const [order] = await db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.orderNo, input.orderNo), eq(orders.customerId, customer.id)));
    matches = Boolean(order);
  }
  const base: CodeSent = { maskedPhone: maskPhone(input.phone), expiresInSeconds: CODE_TTL_SECONDS, resendAfterSeconds: RESEND_AFTER_SECONDS };
  if (!matches) return base;

  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const id = crypto.randomUUID();
  await db.insert(smsVerifications).values({
    id,
    phone: input.phone,
    codeHash: hashCode(id, code),
    expiresAt: new Date(now.getTime() + CODE_TTL_SECONDS * 1000),
    createdAt: now,
  });
  if (opts.sms) deliver(db, opts.sms, { id, phone: input.phone, code }, opts.log ?? (() => {}));
  return opts.demo ? { ...base, demoCode: code } : base;
}

/** Hands the code to the provider and records the outcome (never the code); failures are logged with the phone masked. */
function deliver(db: Db, sms: SmsSetup, message: { id: string; phone: string; code: string }, log: (line: string) => void): void {
  sms.sender
    .send({ phone: message.phone, templateCode: sms.codeTemplate, params: { code: message.code } })
    .then(
      ({ messageId }) => db.update(smsVerifications).set({ deliveryStatus: "sent", providerMessageId: messageId }).where(eq(smsVerifications.id, message.id)),
      (e: unknown) => {
        const code = (e as { code?: unknown }).code;
        log(`[sms] code to ${maskPhone(message.phone)} not delivered: ${typeof code === "string" ? code : "error"}`);
        return db.update(smsVerifications).set({ deliveryStatus: "failed" }).where(eq(smsVerifications.id, message.id));
      },
    )
    .catch(() => log(`[sms] delivery record for ${maskPhone(message.phone)} not saved`));
}

/**
 * Checks a code against the phone's live codes (all of them: a code someone else asked for later
 * does not void the one on the customer's screen). On success the codes are used up and a
 * customer session is created. Wrong codes count per IP (five per code) and per code (fifty from
 * everyone, then it is void), never so that one stranger's guesses void the customer's code.
 */
export async function verifyCode(
  db: Db,
  input: { phone: string; code: string; ip: string | null; challenge?: ChallengeSolution; locale?: "zh-CN" | "en" },
  now = new Date(),
): Promise<{ token: string; customerId: string; expiresAt: Date }> {
  await limitCodeCheck(db, input, now);
  return db
    .transaction(async (tx) => {
      const pending = await tx
        .select()
        .from(smsVerifications)
        .where(and(eq(smsVerifications.phone, input.phone), isNull(smsVerifications.consumedAt), gt(smsVerifications.createdAt, new Date(now.getTime() - 24 * 3600_000))))
        .orderBy(desc(smsVerifications.createdAt))
        .limit(10)
        .for("update");
      const newest = pending[0];
      if (!newest) throw new AppError("code_invalid");
      const live = pending.filter((v) => v.expiresAt.getTime() > now.getTime() && v.attempts < CUSTOMER_LIMITS.wrongPerCodeTotal);
      if (live.length === 0) throw new AppError(newest.expiresAt.getTime() <= now.getTime() ? "code_expired" : "code_attempts_exceeded");
      // Per-IP only where the IP is known: the shared "unknown" caller must not shut everyone out of a code.
      if (input.ip && (await wrongOnCodeFromIp(tx, newest.id, input.ip, now)) >= MAX_CODE_ATTEMPTS) throw new AppError("code_attempts_exceeded");

      const hit = live.find((v) => timingSafeEqual(Buffer.from(v.codeHash, "hex"), Buffer.from(hashCode(v.id, input.code), "hex")));
      if (!hit) {
        await tx
          .update(smsVerifications)
          .set({ attempts: sql`${smsVerifications.attempts} + 1` })
          .where(inArray(smsVerifications.id, live.map((v) => v.id)));
        const fromThisIp = await recordWrongCode(tx, { phone: input.phone, ip: input.ip, verificationId: newest.id }, now);
        // The failed attempt must be saved, so this error leaves the transaction committed.
        return { error: new AppError(input.ip && fromThisIp >= MAX_CODE_ATTEMPTS ? "code_attempts_exceeded" : "code_invalid") } as const;
      }
      await tx.update(smsVerifications).set({ consumedAt: now }).where(inArray(smsVerifications.id, pending.map((v) => v.id)));
      const [customer] = await tx.select({ id: customers.id, locale: customers.locale }).from(customers).where(eq(customers.phone, input.phone));
      if (!customer) throw new AppError("code_invalid");
      // The H5's language at sign-in: the customer's SMS notifications are sent in it.
      if (input.locale && customer.locale !== input.locale) await tx.update(customers).set({ locale: input.locale }).where(eq(customers.id, customer.id));
      const token = randomBytes(32).toString("base64url");
      const expiresAt = new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
      await tx.insert(customerSessions).values({ tokenHash: sha256(token), customerId: customer.id, createdAt: now, expiresAt });
      return { token, customerId: customer.id, expiresAt } as const;
    })
    .then((r) => {
      if ("error" in r) throw r.error;
      return r;
    });
}

/**
 * Who a session token belongs to, as {id, masked phone, name}: the same check as every request
 * (customer-sessions.ts: expiry and idle time), without the session id.
 */
export async function customerFromToken(db: DbOrTx, token: string | undefined, now = new Date()): Promise<{ id: string; phone: string; name: string } | null> {
  const found = await customerFromSession(db, token, { idleDays: env().CUSTOMER_SESSION_IDLE_DAYS, now });
  return found ? { id: found.id, phone: found.phone, name: found.name } : null;
}

export async function endCustomerSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(customerSessions).where(eq(customerSessions.tokenHash, sha256(token)));
}
