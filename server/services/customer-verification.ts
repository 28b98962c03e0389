import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { customerSessions, customers, orders, smsOutbox, smsVerifications } from "../../db/schema";
import { AppError } from "../domain/errors";
import { env } from "../env";
import { customerFromSession } from "./customer-sessions";
import { maskPhone } from "./mask-phone";
import { hitIpRateLimit, hitRateLimit } from "./rate-limit";

export const CODE_TTL_SECONDS = 300;
export const RESEND_AFTER_SECONDS = 60;
export const MAX_CODE_ATTEMPTS = 5;
export const SESSION_TTL_SECONDS = 7 * 24 * 3600;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const hashCode = (verificationId: string, code: string) => sha256(`${verificationId}:${code}`);

export interface CodeSent {
  /** Where the code went, masked ("138****5678"), for the "code sent to …" line. */
  maskedPhone: string;
  expiresInSeconds: number;
  resendAfterSeconds: number;
  /** Only where no SMS provider is configured in the demo set-up; never in production. */
  demoCode?: string;
}

/**
 * Sends a one-time code to `phone` after checking that the order (when given) was placed with
 * it. Limits: one code a minute and ten an hour per phone, thirty an hour per IP.
 */
export async function requestCode(
  db: Db,
  input: { phone: string; orderNo?: string; ip: string | null },
  opts: { demo: boolean; log?: (line: string) => void },
  now = new Date(),
): Promise<CodeSent> {
  await hitIpRateLimit(db, "sms", input.ip, 30, 3600, now);
  if (input.orderNo) {
    const [owner] = await db
      .select({ id: orders.id })
      .from(orders)
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .where(and(eq(orders.orderNo, input.orderNo), eq(customers.phone, input.phone)));
    if (!owner) throw new AppError("order_phone_mismatch");
  }
  await hitRateLimit(db, `sms:phone:${input.phone}:min`, 1, RESEND_AFTER_SECONDS, now);
  await hitRateLimit(db, `sms:phone:${input.phone}:hour`, 10, 3600, now);

  const [customer] = await db.select({ id: customers.id }).from(customers).where(eq(customers.phone, input.phone));
  const base = { maskedPhone: maskPhone(input.phone), expiresInSeconds: CODE_TTL_SECONDS, resendAfterSeconds: RESEND_AFTER_SECONDS };
  // A phone with no orders gets the same answer and no message, so the form cannot be used to
  // find out who is a customer.
  if (!customer) return base;

  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(smsVerifications).values({
      id,
      phone: input.phone,
      codeHash: hashCode(id, code),
      expiresAt: new Date(now.getTime() + CODE_TTL_SECONDS * 1000),
      createdAt: now,
    });
    await tx.insert(smsOutbox).values({ phone: input.phone, body: `【退换货】验证码 ${code}，5 分钟内有效。请勿告诉他人。`, createdAt: now });
  });
  opts.log?.(`[sms] to ${input.phone}: code ${code}`);
  return opts.demo ? { ...base, demoCode: code } : base;
}

/** Checks a code; on success the code is used up and a customer session is created. */
export async function verifyCode(
  db: Db,
  input: { phone: string; code: string; ip: string | null },
  now = new Date(),
): Promise<{ token: string; customerId: string; expiresAt: Date }> {
  await hitIpRateLimit(db, "verify", input.ip, 60, 600, now);
  return db.transaction(async (tx) => {
    const [v] = await tx
      .select()
      .from(smsVerifications)
      .where(and(eq(smsVerifications.phone, input.phone), isNull(smsVerifications.consumedAt)))
      .orderBy(desc(smsVerifications.createdAt))
      .limit(1)
      .for("update");
    if (!v) throw new AppError("code_invalid");
    if (v.attempts >= MAX_CODE_ATTEMPTS) throw new AppError("code_attempts_exceeded");
    if (v.expiresAt.getTime() <= now.getTime()) throw new AppError("code_expired");
    const expected = Buffer.from(v.codeHash, "hex");
    const given = Buffer.from(hashCode(v.id, input.code), "hex");
    if (!timingSafeEqual(expected, given)) {
      await tx.update(smsVerifications).set({ attempts: v.attempts + 1 }).where(eq(smsVerifications.id, v.id));
      // The failed attempt must be saved, so this error leaves the transaction committed.
      return { error: new AppError(v.attempts + 1 >= MAX_CODE_ATTEMPTS ? "code_attempts_exceeded" : "code_invalid") } as const;
    }
    await tx.update(smsVerifications).set({ consumedAt: now }).where(eq(smsVerifications.id, v.id));
    const [customer] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.phone, input.phone));
    if (!customer) throw new AppError("code_invalid");
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
    await tx.insert(customerSessions).values({ tokenHash: sha256(token), customerId: customer.id, createdAt: now, expiresAt });
    return { token, customerId: customer.id, expiresAt } as const;
  }).then((r) => {
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
