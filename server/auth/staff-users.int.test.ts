import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../test/db";
import { activeStaff, authenticateStaff, createStaffUser, updateStaffAccess } from "./staff-users";

const { db } = await createTestDatabase();

describe("staff sessions end at once when access changes", () => {
  it("a role change or a disable refuses the session signed before it", async () => {
    const id = await createStaffUser(db, { email: "Li.Na@Shop.test", name: "李娜", password: "correct horse", role: "customer_service" });
    const signedIn = await authenticateStaff(db, "li.na@shop.test", "correct horse", null);
    expect(signedIn).toMatchObject({ id, role: "customer_service", sessionVersion: 1 });
    expect(await activeStaff(db, id, 1)).toMatchObject({ id, role: "customer_service" });

    await updateStaffAccess(db, id, { role: "finance" });
    expect(await activeStaff(db, id, 1)).toBeNull();
    expect(await activeStaff(db, id, 2)).toMatchObject({ role: "finance" });

    await updateStaffAccess(db, id, { active: false });
    expect(await activeStaff(db, id, 3)).toBeNull();
    expect(await authenticateStaff(db, "li.na@shop.test", "correct horse", null)).toBeNull();
  });

  it("a wrong password signs nobody in, and the sixth try for one email is refused", async () => {
    await createStaffUser(db, { email: "wh@shop.test", name: "赵刚", password: "right", role: "warehouse" });
    for (let i = 0; i < 5; i++) expect(await authenticateStaff(db, "wh@shop.test", "wrong", null)).toBeNull();
    await expect(authenticateStaff(db, "wh@shop.test", "right", null)).rejects.toMatchObject({ code: "rate_limited" });
  });
});
