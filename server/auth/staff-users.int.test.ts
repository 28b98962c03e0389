import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../test/db";
import { activeStaff, authenticateStaff, createStaffUser, endStaffSession, startStaffSession, updateStaffAccess } from "./staff-users";

const { db } = await createTestDatabase();

describe("staff sessions end at once when access changes", () => {
  it("a role change or a disable refuses the session signed before it", async () => {
    const id = await createStaffUser(db, { email: "Li.Na@Shop.test", name: "李娜", password: "correct horse", role: "customer_service" });
    const signedIn = await authenticateStaff(db, "li.na@shop.test", "correct horse", null);
    expect(signedIn).toMatchObject({ id, role: "customer_service", sessionVersion: 1 });
    const sid = await startStaffSession(db, id, 3600);
    expect(await activeStaff(db, id, 1, sid)).toMatchObject({ id, role: "customer_service" });

    await updateStaffAccess(db, id, { role: "finance" });
    expect(await activeStaff(db, id, 1, sid)).toBeNull();
    expect(await activeStaff(db, id, 2, sid)).toMatchObject({ role: "finance" });

    await updateStaffAccess(db, id, { active: false });
    expect(await activeStaff(db, id, 3, sid)).toBeNull();
    expect(await authenticateStaff(db, "li.na@shop.test", "correct horse", null)).toBeNull();
  });

  it("a signed-out session is refused, even with a copy of its token; other sessions go on", async () => {
    const id = await createStaffUser(db, { email: "out@shop.test", name: "王芳", password: "pw-123456", role: "finance" });
    const phone = await startStaffSession(db, id, 3600);
    const desk = await startStaffSession(db, id, 3600);
    await endStaffSession(db, desk);
    // The token carries (id, sessionVersion, sessionId): the same triple is what a copied cookie presents.
    expect(await activeStaff(db, id, 1, desk)).toBeNull();
    expect(await activeStaff(db, id, 1, phone)).toMatchObject({ id, sessionId: phone });
  });

  it("an expired session is refused, and a session id of another user does not work", async () => {
    const a = await createStaffUser(db, { email: "a@shop.test", name: "甲", password: "pw-123456", role: "warehouse" });
    const b = await createStaffUser(db, { email: "b@shop.test", name: "乙", password: "pw-123456", role: "warehouse" });
    const start = new Date("2026-11-01T00:00:00Z");
    const sid = await startStaffSession(db, a, 60, start);
    expect(await activeStaff(db, a, 1, sid, new Date(start.getTime() + 59_000))).not.toBeNull();
    expect(await activeStaff(db, a, 1, sid, new Date(start.getTime() + 61_000))).toBeNull();
    expect(await activeStaff(db, b, 1, sid, new Date(start.getTime() + 1_000))).toBeNull();
  });

  it("a wrong password signs nobody in, and after five failures the account needs a proof of work (not a lock-out: sign-in-lockout.int.test.ts)", async () => {
    await createStaffUser(db, { email: "wh@shop.test", name: "赵刚", password: "right", role: "warehouse" });
    const noWait = { sleep: async () => {} };
    for (let i = 0; i < 5; i++) expect(await authenticateStaff(db, "wh@shop.test", "wrong", "198.51.100.7", noWait)).toBeNull();
    await expect(authenticateStaff(db, "wh@shop.test", "right", "198.51.100.8", noWait)).rejects.toMatchObject({ code: "proof_required" });
  });
});
