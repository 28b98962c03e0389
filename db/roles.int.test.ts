import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "./client";
import { canDisableHistoryTriggers } from "./roles";
import { createTestDatabase } from "../server/test/db";
import { makeOrder, staffCaller, submitFor, runRefundJobs, testGateways } from "../server/test/fixtures";

/**
 * The app's database role (granted by db/roles.ts grantAppRights, as in production) can do the
 * app's work but cannot switch off or get around the append-only history (docs/decisions/013).
 */
const owner = await createTestDatabase();
const app = createDb(owner.appUrl, { max: 4 });
const appSql = postgres(owner.appUrl, { max: 1, onnotice: () => {} });
afterAll(async () => {
  await app.sql.end();
  await appSql.end();
});

describe("the app role", () => {
  it("does a whole request's work: submit, approve, refund, read the history", async () => {
    const made = await makeOrder(owner.db, [{ priceFen: 88_00 }]);
    const s = await submitFor(app.db, made, "refund_only");
    const cs = await staffCaller(app.db, "customer_service");
    await cs.caller.staff.approve({ requestId: s.res.id, version: (await s.read()).version });
    const fin = await staffCaller(app.db, "finance");
    await fin.caller.staff.refund({ requestId: s.res.id, version: (await s.read()).version });
    await runRefundJobs(app.db, testGateways());
    const r = await s.read();
    expect(r.status).toBe("completed");
    expect(r.timeline.map((e) => e.action)).toEqual(["submit", "approve", "refund", "refund_succeeded"]);
  });

  it("cannot disable, drop or get around the history's triggers", async () => {
    const made = await makeOrder(owner.db, [{ priceFen: 12_00 }]);
    const s = await submitFor(app.db, made, "refund_only");
    await expect(appSql`ALTER TABLE return_events DISABLE TRIGGER ALL`).rejects.toThrow(/must be owner/);
    await expect(appSql`ALTER TABLE return_events DISABLE TRIGGER return_events_no_update_delete`).rejects.toThrow(/must be owner/);
    await expect(appSql`DROP TRIGGER return_events_no_update_delete ON return_events`).rejects.toThrow(/must be owner/);
    await expect(appSql`DROP FUNCTION return_events_refuse_change() CASCADE`).rejects.toThrow(/must be owner/);
    await expect(appSql`UPDATE return_events SET to_status = 'completed' WHERE request_id = ${s.res.id}`).rejects.toThrow(/permission denied/);
    // The erasure's columns are granted, but only the erasure's exact shape passes the trigger.
    await expect(appSql`UPDATE return_events SET comment = 'rewritten' WHERE request_id = ${s.res.id}`).rejects.toThrow(/append-only/);
    await expect(appSql`DELETE FROM return_events WHERE request_id = ${s.res.id}`).rejects.toThrow(/permission denied/);
    await expect(appSql`TRUNCATE return_events CASCADE`).rejects.toThrow(/permission denied/);
    await expect(appSql`SET session_replication_role = replica`).rejects.toThrow(/permission denied/);
    await expect(appSql`CREATE TABLE sneaky (id int)`).rejects.toThrow(/permission denied/);
    const [events] = await owner.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM return_events WHERE request_id = ${s.res.id}`;
    expect(events?.n).toBe(1);
  });

  it("is what the production start-up check accepts; the owner is not", async () => {
    expect(await canDisableHistoryTriggers(owner.appUrl)).toBe(false);
    expect(await canDisableHistoryTriggers(owner.url)).toBe(true);
  });
});
