import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customerSessions } from "../../../db/schema";
import { createCaller } from "../../api/root";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, failureOf, makeOrder, testContext } from "../../test/fixtures";
import { customerFromSession, purgeEndedSessions, TOUCH_EVERY_MS } from "../customer-sessions";

const { db } = await createTestDatabase();
const DAY = 86_400_000;
const IDLE_DAYS = 30;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** A signed-in browser of `customerId`, last used `idleMs` ago. */
async function session(customerId: string, opts: { idleMs?: number; expiresInMs?: number; userAgent?: string } = {}) {
  const token = randomUUID();
  const now = Date.now();
  await db.insert(customerSessions).values({
    tokenHash: sha256(token),
    customerId,
    createdAt: new Date(now - (opts.idleMs ?? 0) - 1000),
    lastSeenAt: new Date(now - (opts.idleMs ?? 0)),
    expiresAt: new Date(now + (opts.expiresInMs ?? 7 * DAY)),
    userAgent: opts.userAgent ?? null,
  });
  return token;
}

/** The API as the browser holding `token` calls it (the cookie resolved like http-context does). */
async function asBrowser(token: string) {
  const cookies: (string | null)[] = [];
  const customer = await customerFromSession(db, token, { idleDays: IDLE_DAYS });
  const caller = createCaller(testContext(db, { customer, customerToken: token, setCustomerCookie: (t) => cookies.push(t) }));
  return { caller, cookies, customer };
}

const lastSeen = async (token: string) => (await db.select().from(customerSessions).where(eq(customerSessions.tokenHash, sha256(token))))[0]?.lastSeenAt;

describe("customer sessions", () => {
  it("end after the idle period; an active one is touched at most every few minutes, not on every request", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 1000 }]);
    const idle = await session(customer.id, { idleMs: (IDLE_DAYS + 1) * DAY });
    expect(await customerFromSession(db, idle, { idleDays: IDLE_DAYS })).toBeNull();

    const active = await session(customer.id, { idleMs: 10 * DAY });
    const start = Date.now();
    expect(await customerFromSession(db, active, { idleDays: IDLE_DAYS, now: new Date(start), userAgent: "Mozilla/5.0 (iPhone) MicroMessenger" })).toMatchObject({ id: customer.id });
    const touched = await lastSeen(active);
    expect(touched!.getTime()).toBe(start);
    // A minute later: no write.
    await customerFromSession(db, active, { idleDays: IDLE_DAYS, now: new Date(start + 60_000) });
    expect((await lastSeen(active))!.getTime()).toBe(start);
    // Past the touch interval: written again.
    await customerFromSession(db, active, { idleDays: IDLE_DAYS, now: new Date(start + TOUCH_EVERY_MS + 1000) });
    expect((await lastSeen(active))!.getTime()).toBe(start + TOUCH_EVERY_MS + 1000);
    const [row] = await db.select().from(customerSessions).where(eq(customerSessions.tokenHash, sha256(active)));
    expect(row!.userAgent).toBe("Mozilla/5.0 (iPhone) MicroMessenger");

    // A session just created by the SMS check gets its device name on its first request.
    const fresh = await session(customer.id);
    await customerFromSession(db, fresh, { idleDays: IDLE_DAYS, userAgent: "iPad Safari" });
    const [named] = await db.select().from(customerSessions).where(eq(customerSessions.tokenHash, sha256(fresh)));
    expect(named!.userAgent).toBe("iPad Safari");
  });

  it("are listed as devices; one can be signed out, or all of them, and nobody else's", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 1000 }]);
    const phone = await session(customer.id, { userAgent: "iPhone" });
    const laptop = await session(customer.id, { idleMs: 3 * DAY, userAgent: "Windows Chrome" });
    const tablet = await session(customer.id, { idleMs: 5 * DAY, userAgent: "iPad" });
    const onPhone = await asBrowser(phone);
    const devices = await onPhone.caller.customer.devices();
    expect(devices.map((d) => [d.userAgent, d.current])).toEqual([
      ["iPhone", true],
      ["Windows Chrome", false],
      ["iPad", false],
    ]);
    expect(JSON.stringify(devices)).not.toContain(sha256(phone));

    // Someone else cannot end this customer's session by its id.
    const other = await makeOrder(db, [{ priceFen: 1000 }]);
    const stranger = await asBrowser(await session(other.customer.id));
    expect(appCodeOf(await failureOf(stranger.caller.customer.signOutDevice({ id: devices[1]!.id })))).toBe("not_found");

    expect(await onPhone.caller.customer.signOutDevice({ id: devices[1]!.id })).toEqual({ ok: true, signedOut: false });
    expect(await customerFromSession(db, laptop, { idleDays: IDLE_DAYS })).toBeNull();
    expect(onPhone.cookies).toEqual([]);

    expect(await onPhone.caller.customer.signOutEverywhere()).toEqual({ ok: true, ended: 2 });
    expect(onPhone.cookies).toEqual([null]);
    expect(await customerFromSession(db, phone, { idleDays: IDLE_DAYS })).toBeNull();
    expect(await customerFromSession(db, tablet, { idleDays: IDLE_DAYS })).toBeNull();
    // The stranger is still signed in.
    expect(await stranger.caller.customer.devices()).toHaveLength(1);
  });

  it("past their expiry or idle too long are purged; live ones stay", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 1000 }]);
    const expired = await session(customer.id, { expiresInMs: -DAY });
    const idle = await session(customer.id, { idleMs: (IDLE_DAYS + 2) * DAY });
    const live = await session(customer.id, { idleMs: DAY });
    expect(await purgeEndedSessions(db, IDLE_DAYS)).toBeGreaterThanOrEqual(2);
    const left = (await db.select().from(customerSessions).where(eq(customerSessions.customerId, customer.id))).map((s) => s.tokenHash);
    expect(left).toEqual([sha256(live)]);
    expect(left).not.toContain(sha256(expired));
    expect(left).not.toContain(sha256(idle));
  });
});
