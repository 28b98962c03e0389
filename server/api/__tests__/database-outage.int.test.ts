import { describe, expect, it } from "vitest";
import { ANSWER_GRACE_MS, runDatabaseOutage } from "../../test/database-outage";

/**
 * The database is killed (`kill -9` of its postmaster) under a load of submissions and restarted
 * on the same data folder and port. Small here; `npm run test:long` runs more clients, several
 * kills and longer load (database-outage.long.test.ts). docs/decisions/020-database-failure.md.
 */
describe("the database killed under a load of submissions", () => {
  it("answers every request within its deadline, loses no acknowledged write, leaves nothing half-written, and serves again", async () => {
    const plan = { clients: 4, upMs: 1_500, downMs: 1_500, kills: 1, recoveryMs: 2_500, deadlineMs: 3_000, orders: 300 };
    const r = await runDatabaseOutage(plan, (line) => console.log(`[database-outage] ${new Date().toISOString()} ${line}`));
    console.log(`[database-outage] ${JSON.stringify({ ...r, unverifiable: r.unverifiable.length })}`);

    expect(r.unanswered).toBe(0);
    expect(r.maxAnswerMs).toBeLessThanOrEqual(plan.deadlineMs + ANSWER_GRACE_MS);
    // While the database is away the answer is 503 database_unavailable — never a bare 500.
    expect(Object.keys(r.errorsByKind).filter((k) => k !== "SERVICE_UNAVAILABLE/database_unavailable")).toEqual([]);
    expect(r.errorsByKind["SERVICE_UNAVAILABLE/database_unavailable"]).toBeGreaterThan(0);
    expect(r.lostAcknowledged).toEqual([]);
    expect(r.halfWritten).toEqual([]);
    expect(r.claimMismatches).toEqual([]);
    expect(r.unverifiable).toEqual([]);
    expect(r.acknowledgedAfterLastRestart).toBeGreaterThan(0);
  }, 120_000);
});
