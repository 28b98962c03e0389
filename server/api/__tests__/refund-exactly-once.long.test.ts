/**
 * Issue 8's first reliability bar at full size, for `npm run test:long`: 50 requests × 10
 * concurrent "execute refund" calls, once per fault mode, for each gateway's sandbox process.
 * Prints one figures line per cell (duration, payouts, refunds by status); they are recorded in
 * docs/benchmarks/refunds-exactly-once.md. The small version runs in `npm test`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db";
import { runExactlyOnce } from "../../test/exactly-once";
import { MATRIX, NO_VIOLATIONS } from "../../test/exactly-once-matrix";
import { startRefundWorld, type RefundWorld } from "../../test/refund-flow";

const database = await createTestDatabase();

describe.each(MATRIX)("refunds through the $gateway sandbox, 50 requests × 10 concurrent calls", ({ gateway, modes }) => {
  let world: RefundWorld;
  beforeAll(async () => {
    world = await startRefundWorld(database, gateway);
  });
  afterAll(async () => {
    await world?.stop();
  });

  it.each(modes)("fault %s: each request paid exactly once, every refund final, refunded_fen = succeeded", async (mode) => {
    const { figures, violations } = await runExactlyOnce(world.flow, { gateway, mode, n: 50 });
    console.log(`[refund-exactly-once:long] ${JSON.stringify(figures)}`);

    expect(figures.storm.unexpected).toEqual([]);
    expect(figures.requests).toBe(50);
    expect(violations).toEqual(NO_VIOLATIONS);
  });
});
