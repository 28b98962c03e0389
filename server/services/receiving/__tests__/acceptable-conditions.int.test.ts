import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../domain/policy";
import type { ItemCondition } from "../../../domain/vocabulary";
import { createTestDatabase } from "../../../test/db";
import { staffCaller } from "../../../test/fixtures";
import { awaitingGoods } from "./helpers";

const { db } = await createTestDatabase();
const wh = await staffCaller(db, "warehouse");
const admin = await staffCaller(db, "admin");

async function receivedAs(condition: ItemCondition) {
  const req = await awaitingGoods(db, [{ priceFen: 30_00 }]);
  return wh.caller.warehouse.recordParcel({ requestId: req.requestId, version: req.version, lines: [{ returnLineId: req.lines[0]!.id, quantity: 1, condition, disposition: "quarantine" }], close: false });
}

async function setAcceptable(acceptable: ItemCondition[] | undefined) {
  const current = await admin.caller.admin.policy();
  const { acceptableConditions: _old, ...rest } = current.policy as typeof DEFAULT_POLICY;
  await admin.caller.admin.replacePolicy({ policy: acceptable ? { ...rest, acceptableConditions: acceptable } : rest, expectedVersion: current.version });
}

describe("the acceptable conditions are the policy's", () => {
  it("a policy without the setting accepts as new and opened (the default in code)", async () => {
    expect((await admin.caller.admin.policy()).policy).not.toHaveProperty("acceptableConditions");
    expect((await receivedAs("as_new")).outcome).toBe("refund");
    expect((await receivedAs("opened")).outcome).toBe("refund");
    expect((await receivedAs("used")).outcome).toBe("operations");
  });

  it("the store manager narrows or widens them; requests follow the policy they were filed under", async () => {
    // Filed before the change: its policy (the default) accepts "opened".
    const before = await awaitingGoods(db, [{ priceFen: 30_00 }]);
    await setAcceptable(["as_new"]);
    expect((await admin.caller.admin.policy()).policy).toMatchObject({ acceptableConditions: ["as_new"] });
    expect((await receivedAs("opened")).outcome).toBe("operations");
    const old = await wh.caller.warehouse.recordParcel({
      requestId: before.requestId,
      version: before.version,
      lines: [{ returnLineId: before.lines[0]!.id, quantity: 1, condition: "opened", disposition: "restock" }],
      close: false,
    });
    expect(old.outcome).toBe("refund");

    await setAcceptable(["as_new", "opened", "used"]);
    expect((await receivedAs("used")).outcome).toBe("refund");
    expect((await receivedAs("damaged")).outcome).toBe("operations");
  });

  it("an unknown condition is refused by the schema", async () => {
    const current = await admin.caller.admin.policy();
    await expect(
      admin.caller.admin.replacePolicy({ policy: { ...current.policy, acceptableConditions: ["shiny" as ItemCondition] }, expectedVersion: current.version }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
