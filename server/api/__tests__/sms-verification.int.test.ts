/**
 * A consumer signs in with the phone their order was placed with and a one-time SMS code.
 * Through customer.requestCode / verifyCode where the real clock will do, and through the
 * service functions with an explicit `now` where time matters (resend, expiry, hourly limits).
 * Codes travel through the real Aliyun adapter to the sandbox process and are read from its
 * inbox, as a phone would; the demo's on-page code is tested separately.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { customers, rateLimitBuckets, smsVerifications } from "../../../db/schema";
import { spawnSmsSandbox, type SpawnedSmsSandbox } from "../../../scripts/sandboxes/spawn-aliyun-sms";
import { issueChallenge, solveChallenge } from "../../challenge/proof-of-work";
import { isAppError } from "../../domain/errors";
import {
  CODE_TTL_SECONDS,
  customerFromToken,
  MAX_CODE_ATTEMPTS,
  requestCode,
  RESEND_AFTER_SECONDS,
  verifyCode,
  type RequestCodeOptions,
} from "../../services/customer-verification";
import { CUSTOMER_LIMITS } from "../../services/customer-limits";
import { hitRateLimit } from "../../services/rate-limit";
import { AliyunSmsSender } from "../../sms/aliyun";
import type { SmsSetup } from "../../sms/from-env";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, failureOf, makeOrder, rowCounts, testContext } from "../../test/fixtures";
import type { CookieOptions } from "../context";
import { createCaller } from "../root";

const { db, sql } = await createTestDatabase();

let sandbox: SpawnedSmsSandbox;
let sms: SmsSetup;
beforeAll(async () => {
  sandbox = await spawnSmsSandbox();
  sms = {
    sender: new AliyunSmsSender({
      endpoint: sandbox.endpoint,
      accessKeyId: sandbox.env.ALIYUN_ACCESS_KEY_ID!,
      accessKeySecret: sandbox.env.ALIYUN_ACCESS_KEY_SECRET!,
      signName: sandbox.env.ALIYUN_SMS_SIGN_NAME!,
    }),
    codeTemplate: sandbox.env.ALIYUN_SMS_TEMPLATE_CODE!,
  };
}, 30_000);
afterAll(() => sandbox?.stop());

// Challenges carry their difficulty signed by the server; the tests ask for easy ones to stay quick.
const BITS = 8;

let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;
let phoneCounter = 0;
const unknownPhone = () => `1300000${String(++phoneCounter).padStart(4, "0")}`;
/** A real shop: no demo, codes go through the SMS provider (the sandbox). */
const shopCaller = (over: Parameters<typeof testContext>[1] = {}) => createCaller(testContext(db, { ip: freshIp(), demo: false, sms, ...over }));
const shop = (): RequestCodeOptions => ({ demo: false, sms });

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

/** The newest code in the phone's sandbox inbox once `count` messages have arrived (delivery is not awaited by the API). */
async function codeFromInbox(phone: string, count = 1): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const messages = await sandbox.inbox(phone);
    if (messages.length >= count) return messages[count - 1]!.params.code!;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no message ${count} for ${phone} in the sandbox inbox`);
}

/** Waits until every delivery handed to the provider has its record (sent/failed) written. */
async function deliveriesSettled(phone: string) {
  for (let i = 0; i < 200; i++) {
    const rows = await verificationsOf(phone);
    if (rows.every((r) => r.deliveryStatus !== null)) return rows;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("delivery records not written");
}

/** Every text value in the tables the sign-in touches, to search for a code. */
async function databaseText(): Promise<string> {
  const rows = await sql`
    SELECT row_to_json(v)::text AS t FROM sms_verifications v
    UNION ALL SELECT row_to_json(b)::text FROM rate_limit_buckets b
    UNION ALL SELECT row_to_json(s)::text FROM customer_sessions s`;
  return rows.map((r) => r.t as string).join("\n");
}

describe("requesting a code outside demo mode", () => {
  it("the code reaches the phone through the provider, and is in neither the reply, the log nor the database", async () => {
    const { customer, order } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const logged: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(" "))));
    try {
      const caller = shopCaller({ log: (line) => logged.push(line) });
      const sent = await caller.customer.requestCode({ phone: customer.phone, orderNo: order.orderNo });
      expect(sent).toEqual({
        maskedPhone: `${customer.phone.slice(0, 3)}****${customer.phone.slice(-4)}`,
        expiresInSeconds: CODE_TTL_SECONDS,
        resendAfterSeconds: RESEND_AFTER_SECONDS,
      });
      const code = await codeFromInbox(customer.phone);
      expect(code).toMatch(/^\d{6}$/);
      const [message] = await sandbox.inbox(customer.phone);
      expect(message!.text).toContain(code);
      const [record] = await deliveriesSettled(customer.phone);
      expect(record).toMatchObject({ deliveryStatus: "sent", providerMessageId: message!.bizId });

      expect(JSON.stringify(sent)).not.toContain(code);
      expect(await databaseText()).not.toContain(code);
      // The code itself is kept only as a keyed hash: the table's own id cannot recompute it.
      expect(record!.codeHash).toMatch(/^[0-9a-f]{64}$/);
      // The old clear-text outbox is gone.
      expect((await sql`SELECT to_regclass('public.sms_outbox') AS t`)[0]!.t).toBeNull();

      // The code signs in; neither step logs the code or the full number.
      await caller.customer.verifyCode({ phone: customer.phone, code });
      expect(logged.join("\n")).not.toContain(code);
      expect(logged.join("\n")).not.toContain(customer.phone);
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });

  it("a failed delivery is logged with the phone masked and recorded, without the code", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const logged: string[] = [];
    const broken: SmsSetup = { sender: sms.sender, codeTemplate: "SMS_NOT_APPROVED" };
    await shopCaller({ sms: broken, log: (l) => logged.push(l) }).customer.requestCode({ phone: customer.phone });
    const [record] = await deliveriesSettled(customer.phone);
    expect(record!.deliveryStatus).toBe("failed");
    expect(logged).toEqual([`[sms] code to ${customer.phone.slice(0, 3)}****${customer.phone.slice(-4)} not delivered: isv.SMS_TEMPLATE_ILLEGAL`]);
  });

  it("without a provider (and not in the demo) no code is made and the customer is told SMS is unavailable", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const before = await rowCounts(db);
    const e = await failureOf(shopCaller({ sms: null }).customer.requestCode({ phone: customer.phone }));
    expect(appCodeOf(e)).toBe("sms_unavailable");
    expect(await rowCounts(db)).toEqual(before);
  });
});

describe("requesting a code in demo mode", () => {
  it("the code is also shown on the page (and still sent when a provider is set)", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const sent = await shopCaller({ demo: true }).customer.requestCode({ phone: customer.phone });
    expect(sent.demoCode).toMatch(/^\d{6}$/);
    expect(await codeFromInbox(customer.phone)).toBe(sent.demoCode);
  });

  it("without a provider the demo shows the code and sends nothing", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const sent = await shopCaller({ demo: true, sms: null }).customer.requestCode({ phone: customer.phone });
    expect(sent.demoCode).toMatch(/^\d{6}$/);
    const [v] = await verificationsOf(customer.phone);
    expect(v!.deliveryStatus).toBeNull();
    expect(await sandbox.inbox(customer.phone)).toEqual([]);
  });
});

describe("no order/phone oracle", () => {
  it("a matching pair, a customer's phone with someone else's order and an unknown phone all get the same answer; only the match gets a code", async () => {
    const alice = await makeOrder(db, [{ priceFen: 10_00 }]);
    const bob = await makeOrder(db, [{ priceFen: 10_00 }]);
    const stranger = unknownPhone();
    const masked = (p: string) => `${p.slice(0, 3)}****${p.slice(-4)}`;
    const shape = (r: object) => ({ ...r, maskedPhone: "…" });

    const match = await shopCaller().customer.requestCode({ phone: alice.customer.phone, orderNo: alice.order.orderNo });
    const mismatch = await shopCaller().customer.requestCode({ phone: bob.customer.phone, orderNo: alice.order.orderNo });
    const unknown = await shopCaller().customer.requestCode({ phone: stranger, orderNo: alice.order.orderNo });
    expect(mismatch.maskedPhone).toBe(masked(bob.customer.phone));
    expect(shape(mismatch)).toEqual(shape(match));
    expect(shape(unknown)).toEqual(shape(match));

    await codeFromInbox(alice.customer.phone);
    expect(await verificationsOf(bob.customer.phone)).toEqual([]);
    expect(await verificationsOf(stranger)).toEqual([]);
    expect(await sandbox.inbox(bob.customer.phone)).toEqual([]);
    // Whatever code is tried for the mismatched pair simply fails, like any wrong code.
    expect(appCodeOf(await failureOf(shopCaller().customer.verifyCode({ phone: bob.customer.phone, code: "123456" })))).toBe("code_invalid");
  });

  it("one IP may ask about one order number five times an hour, whatever phones it tries", async () => {
    const { order } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const ip = freshIp();
    const t0 = new Date("2030-06-01T10:00:00.000Z");
    for (let i = 0; i < CUSTOMER_LIMITS.sendsPerOrderIpHour; i++) await requestCode(db, { phone: unknownPhone(), orderNo: order.orderNo, ip }, shop(), t0);
    // Past five requests an hour for the order (from anywhere) a challenge is asked first…
    expect((await appErrorOf(requestCode(db, { phone: unknownPhone(), orderNo: order.orderNo, ip }, shop(), t0))).code).toBe("challenge_required");
    // …and solving it does not lift this IP's own limit on the order.
    const solved = () => solveChallenge(issueChallenge("sms", BITS, t0));
    expect((await appErrorOf(requestCode(db, { phone: unknownPhone(), orderNo: order.orderNo, ip, challenge: solved() }, shop(), t0))).code).toBe("rate_limited");
    // From elsewhere the order is still usable, with a solved challenge.
    await requestCode(db, { phone: unknownPhone(), orderNo: order.orderNo, ip: freshIp(), challenge: solved() }, shop(), t0);
  });
});

describe("flooding from one address", () => {
  it("35 code requests for 35 phones from one IP are stopped: a challenge after 5, a refusal after 30", async () => {
    const ip = freshIp();
    const t0 = new Date("2030-06-02T10:00:00.000Z");
    const outcomes: string[] = [];
    for (let i = 0; i < 35; i++) {
      const phone = unknownPhone();
      try {
        await requestCode(db, { phone, ip }, shop(), t0);
        outcomes.push("sent");
      } catch (e) {
        if (!isAppError(e) || e.code !== "challenge_required") throw e;
        // A determined script solves the challenge every time; it still hits the hourly cap.
        try {
          await requestCode(db, { phone, ip, challenge: solveChallenge(issueChallenge("sms", BITS, t0)) }, shop(), t0);
          outcomes.push("sent after challenge");
        } catch (e2) {
          if (!isAppError(e2)) throw e2;
          outcomes.push(e2.code);
        }
      }
    }
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill("sent"));
    expect(outcomes.slice(5, 30)).toEqual(Array(25).fill("sent after challenge"));
    expect(outcomes.slice(30)).toEqual(Array(5).fill("rate_limited"));
  }, 120_000);

  it("a challenge is used once, and only for what it was issued for", async () => {
    const ip = freshIp();
    const t0 = new Date("2030-06-03T10:00:00.000Z");
    for (let i = 0; i < CUSTOMER_LIMITS.sendsPerIpBeforeChallenge; i++) await requestCode(db, { phone: unknownPhone(), ip }, shop(), t0);
    const challenge = solveChallenge(issueChallenge("sms", BITS, t0));
    await requestCode(db, { phone: unknownPhone(), ip, challenge }, shop(), t0);
    expect((await appErrorOf(requestCode(db, { phone: unknownPhone(), ip, challenge }, shop(), t0))).code).toBe("challenge_invalid");
    const forVerify = solveChallenge(issueChallenge("verify", BITS, t0));
    expect((await appErrorOf(requestCode(db, { phone: unknownPhone(), ip, challenge: forVerify }, shop(), t0))).code).toBe("challenge_invalid");
    const unsolved = { token: issueChallenge("sms", 20, t0).token, nonce: "0" };
    expect((await appErrorOf(requestCode(db, { phone: unknownPhone(), ip, challenge: unsolved }, shop(), t0))).code).toBe("challenge_invalid");
  });

  it("the shop-wide hourly SMS cap refuses once reached", async () => {
    await db.delete(rateLimitBuckets).where(eq(rateLimitBuckets.key, "sms:global:hour"));
    const t0 = new Date("2030-06-04T10:00:00.000Z");
    const capped = { ...shop(), maxSendsPerHour: 3 };
    for (let i = 0; i < 3; i++) await requestCode(db, { phone: unknownPhone(), ip: freshIp() }, capped, t0);
    expect((await appErrorOf(requestCode(db, { phone: unknownPhone(), ip: freshIp() }, capped, t0))).code).toBe("rate_limited");
    await db.delete(rateLimitBuckets).where(eq(rateLimitBuckets.key, "sms:global:hour"));
  });

  it("callers whose address is unknown share one bucket that asks for challenges but never locks them out", async () => {
    const t0 = new Date("2030-06-05T10:00:00.000Z");
    for (let i = 0; i < 40; i++) {
      const phone = unknownPhone();
      try {
        await requestCode(db, { phone, ip: null }, shop(), t0);
      } catch (e) {
        if (!isAppError(e) || e.code !== "challenge_required") throw e;
        await requestCode(db, { phone, ip: null, challenge: solveChallenge(issueChallenge("sms", BITS, t0)) }, shop(), t0);
      }
    }
  }, 120_000);
});

describe("resending", () => {
  it("asking again within 60 s from the same IP is refused with TOO_MANY_REQUESTS", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const caller = shopCaller();
    await caller.customer.requestCode({ phone: customer.phone });
    const e = await failureOf(caller.customer.requestCode({ phone: customer.phone }));
    expect(e.code).toBe("TOO_MANY_REQUESTS");
    expect(appCodeOf(e)).toBe("rate_limited");
    expect(await verificationsOf(customer.phone)).toHaveLength(1);
  });

  it("the 60 s are counted from the last code, not from the start of a clock minute", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const t0 = new Date("2030-03-01T12:00:59.000Z");
    const ip = freshIp();
    await requestCode(db, { phone: customer.phone, ip }, shop(), t0);

    // Two seconds later the clock has passed a full minute, but only two seconds have gone by.
    const e = await appErrorOf(requestCode(db, { phone: customer.phone, ip }, shop(), new Date(t0.getTime() + 2_000)));
    expect(e.code).toBe("rate_limited");
    expect(Number(e.params.retryAfter)).toBeGreaterThanOrEqual(57);
    expect(Number(e.params.retryAfter)).toBeLessThanOrEqual(RESEND_AFTER_SECONDS);

    await requestCode(db, { phone: customer.phone, ip }, shop(), new Date(t0.getTime() + 61_000));
    expect(await verificationsOf(customer.phone)).toHaveLength(2);
  });
});

describe("checking a code", () => {
  it("remembers the page's language for the customer's notifications (docs/decisions/032)", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const caller = shopCaller({ locale: "en" });
    await caller.customer.requestCode({ phone: customer.phone });
    await caller.customer.verifyCode({ phone: customer.phone, code: await codeFromInbox(customer.phone) });
    const [row] = await db.select({ locale: customers.locale }).from(customers).where(eq(customers.id, customer.id));
    expect(row?.locale).toBe("en");
  });

  it("the right code signs the customer in: the cookie is set and its token resolves to the customer", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const cookies: { token: string | null; opts?: CookieOptions }[] = [];
    const caller = shopCaller({ setCustomerCookie: (token, opts) => cookies.push({ token, opts }) });
    await caller.customer.requestCode({ phone: customer.phone });
    const code = await codeFromInbox(customer.phone);

    expect(await caller.customer.verifyCode({ phone: customer.phone, code })).toEqual({ ok: true });

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
    const again = await failureOf(caller.customer.verifyCode({ phone: customer.phone, code }));
    expect(appCodeOf(again)).toBe("code_invalid");

    // Signing out ends the session.
    await signedIn.customer.signOut();
    expect(await customerFromToken(db, token!)).toBeNull();
  });

  it("five wrong codes from one IP shut that IP out of the code, but do not void it for the customer elsewhere", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const guesser = shopCaller();
    await shopCaller().customer.requestCode({ phone: customer.phone });
    const code = await codeFromInbox(customer.phone);
    const wrong = code === "000000" ? "111111" : "000000";

    for (let attempt = 1; attempt < MAX_CODE_ATTEMPTS; attempt++) {
      const e = await failureOf(guesser.customer.verifyCode({ phone: customer.phone, code: wrong }));
      expect(e.code).toBe("BAD_REQUEST");
      expect(appCodeOf(e)).toBe("code_invalid");
      expect(e.message).toBe("验证码不正确");
    }
    const fifth = await failureOf(guesser.customer.verifyCode({ phone: customer.phone, code: wrong }));
    expect(appCodeOf(fifth)).toBe("code_attempts_exceeded");
    expect(fifth.code).toBe("TOO_MANY_REQUESTS");

    const right = await failureOf(guesser.customer.verifyCode({ phone: customer.phone, code }));
    expect(appCodeOf(right)).toBe("code_attempts_exceeded");
    expect(right.message).toBe("验证码错误次数过多，请重新获取");
    const [v] = await verificationsOf(customer.phone);
    expect(v).toMatchObject({ attempts: MAX_CODE_ATTEMPTS, consumedAt: null });

    // The customer, on their own connection, still gets in with the code on their phone.
    expect(await shopCaller().customer.verifyCode({ phone: customer.phone, code })).toEqual({ ok: true });
  });

  it("callers whose address is unknown are not shut out of a code by each other's wrong guesses", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const t0 = new Date("2030-04-02T08:00:00.000Z");
    await requestCode(db, { phone: customer.phone, ip: freshIp() }, shop(), t0);
    const code = await codeFromInbox(customer.phone);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < MAX_CODE_ATTEMPTS + 2; i++) {
      expect((await appErrorOf(verifyCode(db, { phone: customer.phone, code: wrong, ip: null }, t0))).code).toBe("code_invalid");
    }
    const solved = solveChallenge(issueChallenge("verify", BITS, t0));
    expect((await verifyCode(db, { phone: customer.phone, code, ip: null, challenge: solved }, t0)).customerId).toBe(customer.id);
  });

  it("a code past its five minutes has expired", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const t0 = new Date("2030-04-01T08:00:00.000Z");
    const ip = freshIp();
    await requestCode(db, { phone: customer.phone, ip }, shop(), t0);
    const code = await codeFromInbox(customer.phone);

    const late = new Date(t0.getTime() + (CODE_TTL_SECONDS + 1) * 1000);
    expect((await appErrorOf(verifyCode(db, { phone: customer.phone, code, ip }, late))).code).toBe("code_expired");

    // A new code, used in time, works.
    const t1 = new Date(late.getTime() + RESEND_AFTER_SECONDS * 1000);
    await requestCode(db, { phone: customer.phone, ip }, shop(), t1);
    const fresh = await codeFromInbox(customer.phone, 2);
    const session = await verifyCode(db, { phone: customer.phone, code: fresh, ip }, new Date(t1.getTime() + (CODE_TTL_SECONDS - 1) * 1000));
    expect(session.customerId).toBe(customer.id);
  });

  it("a code checked for a phone that never asked for one is simply wrong", async () => {
    const e = await failureOf(shopCaller().customer.verifyCode({ phone: "13900000001", code: "123456" }));
    expect(appCodeOf(e)).toBe("code_invalid");
  });
});

describe("a stranger hammering a customer's phone cannot lock the customer out", () => {
  it("the attacker's requests and guesses are stopped; the customer, from their own connection, still signs in", async () => {
    const { customer, order } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const phone = customer.phone;
    const attacker = freshIp();
    const victim = freshIp();
    let t = new Date("2030-07-01T09:00:00.000Z").getTime();
    const at = () => new Date(t);

    // The customer asks first; the attacker's later codes for the same phone do not void theirs.
    await requestCode(db, { phone, orderNo: order.orderNo, ip: victim }, shop(), at());
    const first = await codeFromInbox(phone, 1);
    t += 1000;
    await requestCode(db, { phone, orderNo: order.orderNo, ip: attacker }, shop(), at());
    await codeFromInbox(phone, 2);
    expect((await verifyCode(db, { phone, code: first, ip: victim }, at())).customerId).toBe(customer.id);

    // Now the attacker goes at it for an hour: codes as often as allowed, wrong guesses after each.
    let sends = 1;
    let refusedSends = 0;
    const guessOutcomes = new Map<string, number>();
    for (let minute = 0; minute < 50; minute++) {
      t += 61_000;
      try {
        await requestCode(db, { phone, orderNo: order.orderNo, ip: attacker }, shop(), at());
        sends++;
      } catch (e) {
        if (!isAppError(e)) throw e;
        refusedSends++;
      }
      for (let g = 0; g < 6; g++) {
        try {
          await verifyCode(db, { phone, code: String(100000 + minute * 10 + g), ip: attacker }, at());
          throw new Error("a guess got in");
        } catch (e) {
          if (!isAppError(e)) throw e;
          guessOutcomes.set(e.code, (guessOutcomes.get(e.code) ?? 0) + 1);
        }
      }
    }
    // Stopped: five codes an hour for this phone from that IP, and at most five guesses per code
    // before challenges (which it does not solve) stop even those.
    expect(sends).toBeLessThanOrEqual(CUSTOMER_LIMITS.sendsPerPhoneIpHour);
    expect(refusedSends).toBeGreaterThan(40);
    expect(guessOutcomes.get("code_invalid") ?? 0).toBeLessThanOrEqual(CUSTOMER_LIMITS.wrongPerIpBeforeChallenge);
    expect(guessOutcomes.get("challenge_required")).toBeGreaterThan(250);

    // The customer comes back: the form solves the challenges it is asked for, and gets in.
    t += 1000;
    const delivered = (await sandbox.inbox(phone)).length;
    const ask = (challenge?: Parameters<typeof solveChallenge>[0]) =>
      requestCode(db, { phone, orderNo: order.orderNo, ip: victim, challenge: challenge && solveChallenge(challenge) }, shop(), at());
    await ask().catch(async (e) => {
      if (!isAppError(e) || e.code !== "challenge_required") throw e;
      await ask(issueChallenge("sms", BITS, at()));
    });
    const code = await codeFromInbox(phone, delivered + 1);
    const check = (challenge?: Parameters<typeof solveChallenge>[0]) =>
      verifyCode(db, { phone, code, ip: victim, challenge: challenge && solveChallenge(challenge) }, at());
    const session = await check().catch(async (e) => {
      if (!isAppError(e) || e.code !== "challenge_required") throw e;
      return check(issueChallenge("verify", BITS, at()));
    });
    expect(session.customerId).toBe(customer.id);
  }, 180_000);

  it("fifty wrong codes from many addresses void a code (a one-in-20,000 guess at most), and the customer simply asks for a new one", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    const phone = customer.phone;
    const t0 = new Date("2030-07-02T09:00:00.000Z");
    await requestCode(db, { phone, ip: freshIp() }, shop(), t0);
    const code = await codeFromInbox(phone);
    const challenge = () => solveChallenge(issueChallenge("verify", BITS, t0));
    for (let i = 0; i < CUSTOMER_LIMITS.wrongPerCodeTotal; i++) {
      const guess = String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0");
      await appErrorOf(verifyCode(db, { phone, code: guess, ip: freshIp(), challenge: challenge() }, t0));
    }
    const e = await appErrorOf(verifyCode(db, { phone, code, ip: freshIp(), challenge: challenge() }, t0));
    expect(e.code).toBe("code_attempts_exceeded");
    const victim = freshIp();
    const t1 = new Date(t0.getTime() + 1000);
    await requestCode(db, { phone, ip: victim, challenge: solveChallenge(issueChallenge("sms", BITS, t1)) }, shop(), t1).catch((err) => {
      if (!isAppError(err) || err.code !== "challenge_required") throw err;
    });
    const fresh = await codeFromInbox(phone, 2);
    expect((await verifyCode(db, { phone, code: fresh, ip: victim, challenge: challenge() }, t1)).customerId).toBe(customer.id);
  }, 120_000);
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

