/**
 * A consumer signs in with the phone their order was placed with and a one-time SMS code.
 * Through customer.requestCode / verifyCode where the real clock will do, and through the
 * service functions with an explicit `now` where time matters (resend, expiry).
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { smsOutbox, smsVerifications } from "../../../db/schema";
import type { CookieOptions } from "../context";
import { createCaller } from "../root";
import { isAppError } from "../../domain/errors";
import {
  CODE_TTL_SECONDS,
  customerFromToken,
  MAX_CODE_ATTEMPTS,
  requestCode,
  RESEND_AFTER_SECONDS,
  verifyCode,
} from "../../services/customer-verification";
import { hitRateLimit } from "../../services/rate-limit";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, failureOf, makeOrder, rowCounts, testContext } from "../../test/fixtures";

const { db } = await createTestDatabase();

let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;
const publicCaller = (over: Parameters<typeof testContext>[1] = {}) => createCaller(testContext(db, { ip: freshIp(), ...over }));

async function appErrorOf(call: Promise<unknown>) {
  try {
    await call;
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

async function verificationsOf(phone: string) {
  return db.select().from(smsVerifications).where(eq(smsVerifications.phone, phone));
}

describe("requesting a code", () => {
  it("in demo mode the code is shown and the message lands in the outbox; only its hash is stored", async () => {
    const { customer, order } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const sent = await publicCaller().customer.requestCode({ phone: customer.phone, orderNo: order.orderNo });
    expect(sent).toMatchObject({ expiresInSeconds: CODE_TTL_SECONDS, resendAfterSeconds: RESEND_AFTER_SECONDS });
    // The page says where the code went without the API handing back the full number.
    expect(sent.maskedPhone).toBe(`${customer.phone.slice(0, 3)}****${customer.phone.slice(-4)}`);
    expect(sent.demoCode).toMatch(/^\d{6}$/);

    const outbox = await db.select().from(smsOutbox).where(eq(smsOutbox.phone, customer.phone));
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.body).toContain(sent.demoCode);

    const [stored] = await verificationsOf(customer.phone);
    expect(stored!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    // The plain code appears in no column of the verification row.
    for (const value of Object.values(stored!)) expect(String(value)).not.toContain(sent.demoCode);
  });

  it("outside demo mode the code is sent but not shown", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const sent = await publicCaller({ demo: false }).customer.requestCode({ phone: customer.phone });
    expect(sent.demoCode).toBeUndefined();
    expect(await db.select().from(smsOutbox).where(eq(smsOutbox.phone, customer.phone))).toHaveLength(1);
  });

  it("an order number that was not placed with this phone is refused, and nothing is sent", async () => {
    const alice = await makeOrder(db, [{ priceFen: 10_00 }]);
    const bob = await makeOrder(db, [{ priceFen: 10_00 }]);
    const before = await rowCounts(db);
    const e = await failureOf(publicCaller().customer.requestCode({ phone: alice.customer.phone, orderNo: bob.order.orderNo }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(appCodeOf(e)).toBe("order_phone_mismatch");
    expect(e.message).toBe("订单号与手机号不匹配");
    expect(await rowCounts(db)).toEqual(before);
  });

  it("a phone with no orders gets the same answer, but no message and no code", async () => {
    const before = await rowCounts(db);
    const sent = await publicCaller().customer.requestCode({ phone: "13000000000" });
    expect(sent).toEqual({ maskedPhone: "130****0000", expiresInSeconds: CODE_TTL_SECONDS, resendAfterSeconds: RESEND_AFTER_SECONDS });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("asking again within 60 s is refused with TOO_MANY_REQUESTS", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const caller = publicCaller();
    await caller.customer.requestCode({ phone: customer.phone });
    const e = await failureOf(caller.customer.requestCode({ phone: customer.phone }));
    expect(e.code).toBe("TOO_MANY_REQUESTS");
    expect(appCodeOf(e)).toBe("rate_limited");
    // From another IP too: the limit is per phone.
    expect((await failureOf(publicCaller().customer.requestCode({ phone: customer.phone }))).code).toBe("TOO_MANY_REQUESTS");
    expect(await verificationsOf(customer.phone)).toHaveLength(1);
  });

  it("the 60 s are counted from the last code, not from the start of a clock minute", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const t0 = new Date("2030-03-01T12:00:59.000Z");
    await requestCode(db, { phone: customer.phone, ip: freshIp() }, { demo: true }, t0);

    // Two seconds later the clock has passed a full minute, but only two seconds have gone by.
    const e = await appErrorOf(requestCode(db, { phone: customer.phone, ip: freshIp() }, { demo: true }, new Date(t0.getTime() + 2_000)));
    expect(e.code).toBe("rate_limited");
    expect(Number(e.params.retryAfter)).toBeGreaterThanOrEqual(57);
    expect(Number(e.params.retryAfter)).toBeLessThanOrEqual(RESEND_AFTER_SECONDS);

    const later = await requestCode(db, { phone: customer.phone, ip: freshIp() }, { demo: true }, new Date(t0.getTime() + 61_000));
    expect(later.demoCode).toMatch(/^\d{6}$/);
    expect(await verificationsOf(customer.phone)).toHaveLength(2);
  });
});

describe("checking a code", () => {
  it("the right code signs the customer in: the cookie is set and its token resolves to the customer", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const cookies: { token: string | null; opts?: CookieOptions }[] = [];
    const caller = publicCaller({ setCustomerCookie: (token, opts) => cookies.push({ token, opts }) });
    const { demoCode } = await caller.customer.requestCode({ phone: customer.phone });

    expect(await caller.customer.verifyCode({ phone: customer.phone, code: demoCode! })).toEqual({ ok: true });

    expect(cookies).toHaveLength(1);
    const { token, opts } = cookies[0]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(opts?.expires!.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    // The session carries the number masked only: nothing downstream can leak the full one.
    const masked = `${customer.phone.slice(0, 3)}****${customer.phone.slice(-4)}`;
    expect(await customerFromToken(db, token!)).toEqual({ id: customer.id, phone: masked, name: customer.name });
    expect(await customerFromToken(db, "not-a-token")).toBeNull();

    // Signed in with that token, the customer sees their orders.
    const signedIn = createCaller(testContext(db, { customer: await customerFromToken(db, token!), customerToken: token }));
    expect(await signedIn.customer.orders()).toHaveLength(1);
    expect(await signedIn.customer.me()).toEqual({ name: customer.name, phone: masked });

    // The code is used up.
    const again = await failureOf(caller.customer.verifyCode({ phone: customer.phone, code: demoCode! }));
    expect(appCodeOf(again)).toBe("code_invalid");

    // Signing out ends the session.
    await signedIn.customer.signOut();
    expect(await customerFromToken(db, token!)).toBeNull();
  });

  it("a wrong code is refused; after five wrong codes even the right one is", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const caller = publicCaller();
    const { demoCode } = await caller.customer.requestCode({ phone: customer.phone });
    const wrong = demoCode === "000000" ? "111111" : "000000";

    for (let attempt = 1; attempt < MAX_CODE_ATTEMPTS; attempt++) {
      const e = await failureOf(caller.customer.verifyCode({ phone: customer.phone, code: wrong }));
      expect(e.code).toBe("BAD_REQUEST");
      expect(appCodeOf(e)).toBe("code_invalid");
      expect(e.message).toBe("验证码不正确");
    }
    const fifth = await failureOf(caller.customer.verifyCode({ phone: customer.phone, code: wrong }));
    expect(appCodeOf(fifth)).toBe("code_attempts_exceeded");
    expect(fifth.code).toBe("TOO_MANY_REQUESTS");

    const right = await failureOf(caller.customer.verifyCode({ phone: customer.phone, code: demoCode! }));
    expect(appCodeOf(right)).toBe("code_attempts_exceeded");
    expect(right.message).toBe("验证码错误次数过多，请重新获取");
    const [v] = await verificationsOf(customer.phone);
    expect(v).toMatchObject({ attempts: MAX_CODE_ATTEMPTS, consumedAt: null });
  });

  it("a code past its five minutes has expired", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const t0 = new Date("2030-04-01T08:00:00.000Z");
    const ip = freshIp();
    const { demoCode } = await requestCode(db, { phone: customer.phone, ip }, { demo: true }, t0);

    const late = new Date(t0.getTime() + (CODE_TTL_SECONDS + 1) * 1000);
    expect((await appErrorOf(verifyCode(db, { phone: customer.phone, code: demoCode!, ip }, late))).code).toBe("code_expired");

    // A new code, used in time, works.
    const t1 = new Date(late.getTime() + RESEND_AFTER_SECONDS * 1000);
    const fresh = await requestCode(db, { phone: customer.phone, ip }, { demo: true }, t1);
    const session = await verifyCode(db, { phone: customer.phone, code: fresh.demoCode!, ip }, new Date(t1.getTime() + (CODE_TTL_SECONDS - 1) * 1000));
    expect(session.customerId).toBe(customer.id);
  });

  it("a code checked for a phone that never asked for one is simply wrong", async () => {
    const e = await failureOf(publicCaller().customer.verifyCode({ phone: "13900000001", code: "123456" }));
    expect(appCodeOf(e)).toBe("code_invalid");
  });
});

describe("the shared rate limiter behind these limits", () => {
  it("counts hits in a window that opens at the first hit, and opens a new one after it", async () => {
    const t = new Date("2030-05-01T09:59:30.000Z").getTime();
    const at = (s: number) => new Date(t + s * 1000);
    await hitRateLimit(db, "test:window", 2, 60, at(0));
    await hitRateLimit(db, "test:window", 2, 60, at(20));
    const e = await appErrorOf(hitRateLimit(db, "test:window", 2, 60, at(40)));
    expect(e.code).toBe("rate_limited");
    expect(e.params.retryAfter).toBe(20);
    // Still the same window at 59 s, although the clock minute changed at 30 s.
    expect((await appErrorOf(hitRateLimit(db, "test:window", 2, 60, at(59)))).params.retryAfter).toBe(1);
    await hitRateLimit(db, "test:window", 2, 60, at(61));
    await hitRateLimit(db, "test:window", 2, 60, at(62));
    expect((await appErrorOf(hitRateLimit(db, "test:window", 2, 60, at(63)))).params.retryAfter).toBe(58);
  });
});
