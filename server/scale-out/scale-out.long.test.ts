import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runScaleOut } from "../test/scale-out-run";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * The scale-out proof under a heavier load than `npm test`'s (e2e/scale-out.spec.ts): two app
 * servers from the standalone build and two workers, 100 requests whose deadlines come due at
 * once with a duplicate job each, their webhook deliveries, 300 calls against one rate limit.
 * Builds the app first when the build is stale. Prints its figures (time to ready, to submit,
 * to apply every deadline, to deliver every webhook) for the record; asserts none of them.
 */
beforeAll(() => {
  const built = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/build-if-stale.ts")], { cwd: ROOT, stdio: "inherit" });
  if (built.status !== 0) throw new Error("the production build failed");
}, 1_200_000);

describe("scale-out under load", () => {
  it("two app servers and two workers: sessions, one rate limit, every deadline once, every delivery at least once", async () => {
    const requests = 100;
    const calls = 300;
    const run = await runScaleOut({ apps: 2, workers: 2, requests, rateLimitCalls: calls });
    console.log(
      `[scale-out] ${requests} requests, ${run.deadlineJobsQueued} deadline jobs for ${run.deadlinesMadeDue} deadlines, ${run.events} events → ${run.deliveries.length} webhook deliveries; ` +
        `jobs done per worker ${run.jobsDoneByWorker.join(" / ")}; rate limit ${run.rateLimit.passed} passed (${run.rateLimit.passedPerServer.join(" + ")}) of ${calls}; ` +
        `timings ${JSON.stringify(run.timings)}`,
    );

    expect([run.customer.meOnA, run.customer.meOnB, run.customer.meAfterSignOut]).toEqual([run.customer.shownPhone, run.customer.shownPhone, null]);
    expect([run.staff.meOnA, run.staff.meOnB, run.staff.replayStatus]).toEqual([run.staff.email, run.staff.email, 401]);
    expect(run.rateLimit.passed).toBe(60);
    expect(run.rateLimit.limited).toBe(calls - 60);
    expect(run.rateLimit.others).toEqual([]);
    expect(run.workerErrors).toEqual([]);

    expect(run.deadlinesMadeDue).toBe(requests);
    expect(run.deadlines.filter((d) => d.actions !== 1)).toEqual([]);

    expect(run.deliveries.length).toBe(run.events);
    expect(run.deliveries.filter((d) => d.status !== "sent")).toEqual([]);
    expect(run.deliveries.filter((d) => run.received.get(d.id) !== 1)).toEqual([]);
    // Both workers took jobs: the load was shared, not run by one while the other idled.
    expect(run.jobsDoneByWorker.every((n) => n > 0)).toBe(true);
    expect(run.tracedSubmissions).toBe(requests);
  });
});
