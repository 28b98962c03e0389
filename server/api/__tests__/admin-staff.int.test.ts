/**
 * The store manager's staff accounts through the API: create with a one-time password, change a
 * role, disable/enable, reset a password; the guards (not oneself, never the last admin); every
 * change in the audit log; sessions ended where access changes (docs/decisions/003, 009).
 */
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { staffAudit, staffSessions, staffUsers } from "../../../db/schema";
import { activeStaff, authenticateStaff, startStaffSession } from "../../auth/staff-users";
import { changeOwnPassword } from "../../services/staff-accounts";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, failureOf, httpCall, staffCaller, testContext } from "../../test/fixtures";
import { createCaller } from "../root";

const { db } = await createTestDatabase();

let admin: Awaited<ReturnType<typeof staffCaller>>;

beforeAll(async () => {
  admin = await staffCaller(db, "admin");
});

async function auditOf(targetId: string) {
  return db.select({ action: staffAudit.action, actorId: staffAudit.actorId, details: staffAudit.details }).from(staffAudit).where(eq(staffAudit.targetId, targetId)).orderBy(staffAudit.createdAt);
}

async function signIn(email: string, password: string) {
  const user = await authenticateStaff(db, email, password, null);
  if (!user) return null;
  const sessionId = await startStaffSession(db, user.id, 3600);
  return (await activeStaff(db, user.id, user.sessionVersion, sessionId))!;
}

describe("creating a staff account", () => {
  it("gives a one-time password once; the user must change it, and then works with the new one", async () => {
    const made = await admin.caller.admin.createStaff({ name: " 陈静 ", email: "Chen.Jing@Shop.test", role: "customer_service" });
    expect(made.oneTimePassword).toMatch(/^[a-zA-Z2-9]{5}-[a-zA-Z2-9]{5}-[a-zA-Z2-9]{5}$/);

    const listed = (await admin.caller.admin.staffList()).find((u) => u.id === made.id);
    expect(listed).toMatchObject({ name: "陈静", email: "chen.jing@shop.test", role: "customer_service", active: true, mustChangePassword: true, lastLoginAt: null });
    // The list never carries password hashes.
    expect(Object.keys(listed!)).not.toContain("passwordHash");

    const first = await signIn("chen.jing@shop.test", made.oneTimePassword);
    expect(first).toMatchObject({ id: made.id, mustChangePassword: true });
    const firstCaller = createCaller(testContext(db, { staff: first! }));
    expect(appCodeOf(await failureOf(firstCaller.staff.queue({})))).toBe("password_change_required");

    await changeOwnPassword(db, made.id, { current: made.oneTimePassword, next: "my own passphrase" });
    // The one-time session ended with the change.
    expect(await activeStaff(db, made.id, first!.sessionVersion, first!.sessionId!)).toBeNull();
    expect(await signIn("chen.jing@shop.test", made.oneTimePassword)).toBeNull();
    const second = await signIn("chen.jing@shop.test", "my own passphrase");
    expect(second).toMatchObject({ mustChangePassword: false });
    expect(await createCaller(testContext(db, { staff: second! })).staff.queue({})).toMatchObject({ items: expect.any(Array) });

    expect((await auditOf(made.id)).map((a) => [a.action, a.actorId])).toEqual([
      ["create", admin.staff.id],
      ["change_password", made.id],
    ]);
  });

  it("refuses an email that already has an account, in any letter case", async () => {
    await admin.caller.admin.createStaff({ name: "甲", email: "dup@shop.test", role: "warehouse" });
    const e = await failureOf(admin.caller.admin.createStaff({ name: "乙", email: "DUP@shop.test", role: "finance" }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toBe("该邮箱已有账号");
  });

  it("names each bad field in the caller's language", async () => {
    // Over HTTP, as the browser gets it: the error formatter turns zod issues into per-field messages.
    const res = await httpCall(db, { staff: admin.staff, locale: "en" }, "admin.createStaff", { name: "", email: "not-an-email", role: "boss" }, { mutation: true });
    expect(res.status).toBe(400);
    expect(res.error!.data).toMatchObject({
      appCode: "validation",
      fieldErrors: { name: "This field is required", email: "Enter a valid email address", role: "Choose a role" },
    });
  });

  it("a wrong current password is refused and changes nothing", async () => {
    const made = await admin.caller.admin.createStaff({ name: "丙", email: "bing@shop.test", role: "warehouse" });
    await expect(changeOwnPassword(db, made.id, { current: "guess-guess", next: "another passphrase" })).rejects.toMatchObject({ code: "password_wrong" });
    expect(await signIn("bing@shop.test", made.oneTimePassword)).not.toBeNull();
  });
});

describe("changing access", () => {
  it("a role change ends the user's sessions and is recorded with from/to", async () => {
    const made = await admin.caller.admin.createStaff({ name: "丁", email: "ding@shop.test", role: "warehouse" });
    await changeOwnPassword(db, made.id, { current: made.oneTimePassword, next: "ding passphrase" });
    const session = (await signIn("ding@shop.test", "ding passphrase"))!;

    await admin.caller.admin.setStaffRole({ id: made.id, role: "finance" });
    expect(await activeStaff(db, made.id, session.sessionVersion, session.sessionId!)).toBeNull();
    expect((await auditOf(made.id)).at(-1)).toMatchObject({ action: "role", details: { from: "warehouse", to: "finance" } });
    expect((await signIn("ding@shop.test", "ding passphrase"))!.role).toBe("finance");
  });

  it("disabling ends the sessions and sign-in; enabling lets the user sign in again", async () => {
    const made = await admin.caller.admin.createStaff({ name: "戊", email: "wu@shop.test", role: "customer_service" });
    await changeOwnPassword(db, made.id, { current: made.oneTimePassword, next: "wu passphrase!" });
    const session = (await signIn("wu@shop.test", "wu passphrase!"))!;

    await admin.caller.admin.setStaffActive({ id: made.id, active: false });
    expect(await activeStaff(db, made.id, session.sessionVersion, session.sessionId!)).toBeNull();
    expect(await signIn("wu@shop.test", "wu passphrase!")).toBeNull();

    await admin.caller.admin.setStaffActive({ id: made.id, active: true });
    expect(await signIn("wu@shop.test", "wu passphrase!")).not.toBeNull();
    expect((await auditOf(made.id)).map((a) => a.action)).toEqual(["create", "change_password", "disable", "enable"]);
  });

  it("a password reset ends every session and hands out a new one-time password", async () => {
    const made = await admin.caller.admin.createStaff({ name: "己", email: "ji@shop.test", role: "finance" });
    await changeOwnPassword(db, made.id, { current: made.oneTimePassword, next: "ji passphrase" });
    const session = (await signIn("ji@shop.test", "ji passphrase"))!;

    const reset = await admin.caller.admin.resetStaffPassword({ id: made.id });
    expect(reset.oneTimePassword).not.toBe(made.oneTimePassword);
    expect(await activeStaff(db, made.id, session.sessionVersion, session.sessionId!)).toBeNull();
    const open = await db.select().from(staffSessions).where(and(eq(staffSessions.staffId, made.id), isNull(staffSessions.endedAt)));
    expect(open).toEqual([]);
    expect(await signIn("ji@shop.test", "ji passphrase")).toBeNull();
    expect(await signIn("ji@shop.test", reset.oneTimePassword)).toMatchObject({ mustChangePassword: true });
  });

  it("an unknown user is NOT_FOUND", async () => {
    const e = await failureOf(admin.caller.admin.setStaffRole({ id: crypto.randomUUID(), role: "finance" }));
    expect(e.code).toBe("NOT_FOUND");
  });
});

describe("guards", () => {
  it("the admin cannot disable themselves nor change their own role", async () => {
    const e1 = await failureOf(admin.caller.admin.setStaffActive({ id: admin.staff.id, active: false }));
    const e2 = await failureOf(admin.caller.admin.setStaffRole({ id: admin.staff.id, role: "finance" }));
    expect([appCodeOf(e1), appCodeOf(e2)]).toEqual(["self_change_refused", "self_change_refused"]);
    const [me] = await db.select().from(staffUsers).where(eq(staffUsers.id, admin.staff.id));
    expect(me).toMatchObject({ active: true, role: "admin" });
  });

  it("the last active admin cannot be disabled or demoted (by an admin whose own removal has not reached them yet)", async () => {
    const { db: own } = await createTestDatabase();
    const a = await staffCaller(own, "admin");
    const b = await staffCaller(own, "admin");
    await a.caller.admin.setStaffActive({ id: b.staff.id, active: false });
    // b's caller still holds b's old context: the service itself must refuse to remove the last admin.
    const e1 = await failureOf(b.caller.admin.setStaffActive({ id: a.staff.id, active: false }));
    const e2 = await failureOf(b.caller.admin.setStaffRole({ id: a.staff.id, role: "finance" }));
    expect([appCodeOf(e1), appCodeOf(e2)]).toEqual(["last_admin", "last_admin"]);
    expect(e1.message).toBe("至少要保留一位启用中的店长");
    // Re-enabling someone is always allowed, and then either may be removed.
    await a.caller.admin.setStaffActive({ id: b.staff.id, active: true });
    await b.caller.admin.setStaffRole({ id: a.staff.id, role: "finance" });
  });

  it("two admins disabling each other at the same moment: exactly one succeeds, one admin remains", async () => {
    const { db: own } = await createTestDatabase();
    const a = await staffCaller(own, "admin");
    const b = await staffCaller(own, "admin");
    const settled = await Promise.allSettled([
      a.caller.admin.setStaffActive({ id: b.staff.id, active: false }),
      b.caller.admin.setStaffActive({ id: a.staff.id, active: false }),
    ]);
    expect(settled.map((s) => s.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = settled.find((s) => s.status === "rejected") as PromiseRejectedResult;
    expect(appCodeOf(refused.reason)).toBe("last_admin");
    const active = await own.select().from(staffUsers).where(and(eq(staffUsers.role, "admin"), eq(staffUsers.active, true)));
    expect(active).toHaveLength(1);
  });
});
