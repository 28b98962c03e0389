import { expect, test } from "@playwright/test";
import { runScaleOut } from "../server/test/scale-out-run";

/**
 * Two app servers (the standalone build, started with plain `node`) and two worker processes
 * against one PostgreSQL, sharing nothing else (docs/decisions/033). A small run here; `npm run
 * test:long` runs the same with more load (server/scale-out/scale-out.long.test.ts). Needs the
 * production build, which `npm run test:e2e` makes first (scripts/build-if-stale.ts).
 */
test("two app servers and two workers: sessions, rate limits, deadlines once, deliveries at least once", async () => {
  test.setTimeout(300_000);
  const run = await runScaleOut({ apps: 2, workers: 2, requests: 4, rateLimitCalls: 70 });

  // A customer signed in across the two processes is known on both; signed out on one, gone on the other.
  expect(run.customer.meOnA).toBe(run.customer.shownPhone);
  expect(run.customer.meOnB).toBe(run.customer.shownPhone);
  expect(run.customer.meAfterSignOut).toBeNull();
  // A staff session made on A works on B; signed out on B, its cookie is refused on A.
  expect(run.staff.meOnB).toBe(run.staff.email);
  expect(run.staff.meOnA).toBe(run.staff.email);
  expect(run.staff.replayStatus).toBe(401);
  // One address, 60 a minute, calls spread over both servers: 60 pass in all.
  expect(run.rateLimit.passed).toBe(60);
  expect(run.rateLimit.limited).toBe(70 - 60);
  expect(run.rateLimit.others).toEqual([]);
  expect(run.workerErrors).toEqual([]);

  // Every deadline acted exactly once, although each had two jobs and two workers competed.
  expect(run.deadlinesMadeDue).toBe(4);
  expect(run.deadlines.map((d) => d.actions)).toEqual([1, 1, 1, 1]);

  // Every event reached the webhook receiver, each delivery id once (no process died mid-send).
  expect(run.deliveries.length).toBe(run.events);
  expect(run.deliveries.every((d) => d.status === "sent")).toBe(true);
  expect(new Set(run.deliveries.map((d) => d.id)).size).toBe(run.deliveries.length);
  for (const d of run.deliveries) expect(run.received.get(d.id)).toBe(1);
  // The submitting request's id followed it into the workers' notify.event jobs.
  expect(run.tracedSubmissions).toBe(4);
});
