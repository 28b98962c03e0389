/**
 * The second factor (ADR 019): finance and the store manager work only after a TOTP code (or a
 * recovery code); a code is accepted once; a recovery code works once; the store manager's reset
 * is recorded and ends the user's sessions.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { staffAudit, staffUsers } from "../../db/schema";
import { createCaller } from "../api/root";
import { createTestDatabase } from "../test/db";
import { appCodeOf, failureOf, staffCaller, testContext } from "../test/fixtures";
import type { StaffRole } from "../domain/vocabulary";
import { confirmEnrollment, pendingEnrollment, verifySecondFactor } from "./second-factor";
import { openSecret } from "./secret-box";
import { activeStaff, authenticateStaff, createStaffUser, startStaffSession } from "./staff-users";
import { totpCode } from "./totp";

process.env.AUTH_SECRET ??= "integration-test-auth-secret-0123456789abcdef";

const { db } = await createTestDatabase();
const t0 = new Date("2026-11-29T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

let n = 0;
/** Signs in with the password like the sign-in form does; returns the session's user as the API sees it. */
async function passwordOnly(role: StaffRole) {
  const email = `${role}-${++n}@shop.test`;
  await createStaffUser(db, { email, name: `${role} ${n}`, password: "a long passphrase", role });
  const user = (await authenticateStaff(db, email, "a long passphrase", "198.51.100.1"))!;
  const sessionId = await startStaffSession(db, user.id, 3600, t0);
  const session = async (now = t0) => (await activeStaff(db, user.id, user.sessionVersion, sessionId, now))!;
  return { id: user.id, email, sessionId, session };
}

async function enrolled(role: StaffRole) {
  const who = await passwordOnly(role);
  const { secret } = (await pendingEnrollment(db, who.id))!;
  const recoveryCodes = await confirmEnrollment(db, who.id, who.sessionId, await totpCode(secret, t0), t0);
  return { ...who, secret, recoveryCodes };
}

const callerFor = (staff: Awaited<ReturnType<Awaited<ReturnType<typeof passwordOnly>>["session"]>>) => createCaller(testContext(db, { staff }));

describe("finance and admin need the second factor", () => {
  it("a password-only session of finance or admin is refused by every staff procedure until it enrolls", async () => {
    for (const role of ["finance", "admin"] as const) {
      const who = await passwordOnly(role);
      const staff = await who.session();
      expect(staff.secondFactorPending).toBe("enroll");
      expect(appCodeOf(await failureOf(callerFor(staff).staff.queueCounts()))).toBe("second_factor_required");
      if (role === "admin") expect(appCodeOf(await failureOf(callerFor(staff).admin.staffList()))).toBe("second_factor_required");
    }
    // Other roles work with the password alone unless they chose to enroll.
    const cs = await passwordOnly("customer_service");
    expect((await cs.session()).secondFactorPending).toBeUndefined();
    await expect(callerFor(await cs.session()).staff.queueCounts()).resolves.toBeDefined();
  });

  it("enrollment stores the secret encrypted, confirms it with a code, and lets that session work", async () => {
    const who = await passwordOnly("finance");
    const { secret, uri } = (await pendingEnrollment(db, who.id))!;
    expect(uri).toContain(`secret=${secret}`);
    // A reload shows the same secret, so a scan made before it still works.
    expect((await pendingEnrollment(db, who.id))!.secret).toBe(secret);
    await expect(confirmEnrollment(db, who.id, who.sessionId, "000000", t0)).rejects.toMatchObject({ code: "second_factor_wrong" });
    const codes = await confirmEnrollment(db, who.id, who.sessionId, await totpCode(secret, t0), t0);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, who.id));
    expect(row!.totpSecret).not.toContain(secret);
    expect(openSecret(row!.totpSecret!)).toBe(secret);
    expect(row!.totpPendingSecret).toBeNull();
    const staff = await who.session();
    expect(staff.secondFactorPending).toBeUndefined();
    await expect(callerFor(staff).staff.queueCounts()).resolves.toBeDefined();
  });

  it("the next sign-in of an enrolled admin needs a code; then the session works", async () => {
    const first = await enrolled("admin");
    const user = (await authenticateStaff(db, first.email, "a long passphrase", "198.51.100.1"))!;
    const sessionId = await startStaffSession(db, user.id, 3600, t0);
    const staff = (await activeStaff(db, user.id, user.sessionVersion, sessionId, t0))!;
    expect(staff.secondFactorPending).toBe("verify");
    expect(appCodeOf(await failureOf(callerFor(staff).admin.staffList()))).toBe("second_factor_required");
    await verifySecondFactor(db, user.id, sessionId, await totpCode(first.secret, at(60)), at(60));
    const passed = (await activeStaff(db, user.id, user.sessionVersion, sessionId, at(61)))!;
    expect(passed.secondFactorPending).toBeUndefined();
    await expect(callerFor(passed).admin.staffList()).resolves.toBeDefined();
  });
});

describe("codes are accepted once", () => {
  it("the same TOTP code is refused the second time within its window (replay), and a wrong code is refused", async () => {
    const who = await enrolled("finance");
    const s2 = await startStaffSession(db, who.id, 3600, t0);
    const s3 = await startStaffSession(db, who.id, 3600, t0);
    const code = await totpCode(who.secret, at(90));
    await expect(verifySecondFactor(db, who.id, s2, "123456" === code ? "654321" : "123456", at(90))).rejects.toMatchObject({ code: "second_factor_wrong" });
    await verifySecondFactor(db, who.id, s2, code, at(90));
    await expect(verifySecondFactor(db, who.id, s3, code, at(95))).rejects.toMatchObject({ code: "second_factor_wrong" });
    // Nor an older code still inside the drift window.
    await expect(verifySecondFactor(db, who.id, s3, await totpCode(who.secret, at(60)), at(95))).rejects.toMatchObject({ code: "second_factor_wrong" });
    // The next period's code works.
    await verifySecondFactor(db, who.id, s3, await totpCode(who.secret, at(120)), at(120));
  });

  it("a recovery code works once, with or without its dash, and is recorded", async () => {
    const who = await enrolled("admin");
    const [code] = who.recoveryCodes;
    const s2 = await startStaffSession(db, who.id, 3600, t0);
    const s3 = await startStaffSession(db, who.id, 3600, t0);
    expect(await verifySecondFactor(db, who.id, s2, ` ${code!.toUpperCase().replace("-", "")} `, t0)).toEqual({ recoveryCodesLeft: 9 });
    await expect(verifySecondFactor(db, who.id, s3, code!, t0)).rejects.toMatchObject({ code: "second_factor_wrong" });
    const audit = await db.select().from(staffAudit).where(and(eq(staffAudit.targetId, who.id), eq(staffAudit.action, "recovery_code_used")));
    expect(audit).toHaveLength(1);
  });

  it("guessing codes is refused after 10 wrong ones in 15 minutes", async () => {
    const who = await enrolled("finance");
    const s2 = await startStaffSession(db, who.id, 3600, t0);
    const right = await totpCode(who.secret, at(200));
    const wrong = right === "111111" ? "222222" : "111111";
    for (let i = 0; i < 10; i++) await expect(verifySecondFactor(db, who.id, s2, wrong, at(200))).rejects.toMatchObject({ code: "second_factor_wrong" });
    await expect(verifySecondFactor(db, who.id, s2, right, at(200))).rejects.toMatchObject({ code: "rate_limited" });
  });
});

describe("the store manager resets a lost second factor", () => {
  it("removes the authenticator and recovery codes, ends the user's sessions, and records it; the user enrolls again", async () => {
    const admin = await staffCaller(db, "admin");
    const who = await enrolled("finance");
    expect((await admin.caller.admin.staffList()).find((u) => u.id === who.id)?.twoFactor).toBe(true);
    await admin.caller.admin.resetStaffSecondFactor({ id: who.id });
    expect(await activeStaff(db, who.id, 1, who.sessionId, t0)).toBeNull();
    const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, who.id));
    expect(row).toMatchObject({ totpSecret: null, totpPendingSecret: null });
    const audit = await db.select().from(staffAudit).where(and(eq(staffAudit.targetId, who.id), eq(staffAudit.action, "reset_totp")));
    expect(audit).toMatchObject([{ actorId: admin.staff.id }]);
    const again = (await authenticateStaff(db, who.email, "a long passphrase", "198.51.100.1"))!;
    expect(again.secondFactorPending).toBe("enroll");
    // A recovery code from before the reset no longer works.
    const sid = await startStaffSession(db, who.id, 3600, t0);
    await expect(verifySecondFactor(db, who.id, sid, who.recoveryCodes[1]!, t0)).rejects.toMatchObject({ code: "second_factor_wrong" });
  });
});
