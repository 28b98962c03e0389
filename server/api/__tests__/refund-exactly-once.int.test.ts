/**
 * Issue 8's first reliability bar, small: for each gateway and each fault mode of its sandbox
 * process, 5 requests × 10 concurrent "execute refund" calls (double clicks, two finance users,
 * retries) → each request paid exactly once by the sandbox's own ledger, every refund final,
 * orders.refunded_fen the sum of succeeded refunds. `npm run test:long` runs 50 requests
 * (refund-exactly-once.long.test.ts; figures in docs/benchmarks/refunds-exactly-once.md).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db";
import { runExactlyOnce } from "../../test/exactly-once";
import { MATRIX, NO_VIOLATIONS } from "../../test/exactly-once-matrix";
import { startRefundWorld, type RefundWorld } from "../../test/refund-flow";

const database = await createTestDatabase();

describe.each(MATRIX)("refunds through the $gateway sandbox, 5 requests × 10 concurrent calls", ({ gateway, modes }) => {
  let world: RefundWorld;
  beforeAll(async () => {
    world = await startRefundWorld(database, gateway);
  });
  afterAll(async () => {
    await world?.stop();
  });

  it.each(modes)("fault %s: each request paid exactly once, every refund final, refunded_fen = succeeded", async (mode) => {
    const { figures, violations } = await runExactlyOnce(world.flow, { gateway, mode, n: 5 });
    console.log(`[refund-exactly-once] ${JSON.stringify(figures)}`);

    expect(figures.storm.unexpected).toEqual([]);
    expect(figures.storm.accepted).toBeGreaterThanOrEqual(5);
    expect(violations).toEqual(NO_VIOLATIONS);
  }, 120_000);
});
