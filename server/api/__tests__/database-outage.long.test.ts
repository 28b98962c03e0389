import { describe, expect, it } from "vitest";
import { ANSWER_GRACE_MS, runDatabaseOutage } from "../../test/database-outage";

/**
 * The full matrix of database-outage.int.test.ts, for `npm run test:long`: more clients, three
 * kills, longer load. Prints the figures (requests answered, slowest answer, errors by kind).
 */
describe("the database killed three times under a heavier load of submissions", () => {
  it.each([
    { clients: 8, upMs: 4_000, downMs: 2_000, kills: 3, recoveryMs: 5_000, deadlineMs: 5_000, orders: 2_500 },
    { clients: 24, upMs: 4_000, downMs: 6_000, kills: 3, recoveryMs: 5_000, deadlineMs: 5_000, orders: 2_500 },
  ])("$clients clients, down $downMs ms each time: every request answered, nothing lost or half-written, serving again", async (plan) => {
    const r = await runDatabaseOutage(plan, (line) => console.log(`[database-outage:long] ${new Date().toISOString()} ${line}`));
    console.log(`[database-outage:long] plan ${JSON.stringify(plan)}`);
    console.log(`[database-outage:long] figures ${JSON.stringify({ ...r, unverifiable: r.unverifiable.length })}`);

    expect(r.unanswered).toBe(0);
    expect(r.maxAnswerMs).toBeLessThanOrEqual(plan.deadlineMs + ANSWER_GRACE_MS);
    expect(Object.keys(r.errorsByKind).filter((k) => k !== "SERVICE_UNAVAILABLE/database_unavailable")).toEqual([]);
    expect(r.lostAcknowledged).toEqual([]);
    expect(r.halfWritten).toEqual([]);
    expect(r.claimMismatches).toEqual([]);
    expect(r.unverifiable).toEqual([]);
    expect(r.acknowledgedAfterLastRestart).toBeGreaterThan(0);
  });
});
