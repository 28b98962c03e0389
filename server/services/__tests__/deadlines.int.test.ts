import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orderLines, returnRequests } from "../../../db/schema";
import { createTestDatabase } from "../../test/db";
import { makeOrder } from "../../test/fixtures";
import { actOnRequest } from "../act-on-request";
import { loadHistory } from "../history-store";
import { runDeadlines } from "../run-deadlines";
import { submitReturn } from "../submit-return";

const { db } = await createTestDatabase();
const HOUR = 3_600_000;

async function submitted(type: "refund_only" | "return_refund", at: Date) {
  const made = await makeOrder(db, [{ priceFen: 5000 }], { deliveredDaysAgo: 1 });
  const req = await submitReturn(
    db,
    { customerId: made.customer.id, orderId: made.order.id, type, idempotencyKey: randomUUID(), lines: [{ orderLineId: made.lines[0]!.line.id, quantity: 1, reasonCode: "size_not_fit" }] },
    at,
  );
  return { made, req };
}

const statusOf = async (id: string) => (await db.select().from(returnRequests).where(eq(returnRequests.id, id)))[0]!;

describe("deadlines", () => {
  it("escalates an unanswered review to operations after 48 h, as the system, and records it", async () => {
    const t0 = new Date();
    const { req } = await submitted("refund_only", t0);
    expect((await runDeadlines(db, new Date(t0.getTime() + 47 * HOUR))).escalated).toBe(0);
    const run = await runDeadlines(db, new Date(t0.getTime() + 49 * HOUR));
    expect(run.escalated).toBeGreaterThanOrEqual(1);
    expect((await statusOf(req.id)).status).toBe("pending_ops_review");
    const last = (await loadHistory(db, req.id)).at(-1)!;
    expect(last).toMatchObject({ action: "escalate", actorType: "system", fromStatus: "pending_cs_review", toStatus: "pending_ops_review" });
  });

  it("closes a request whose parcel was not sent within 7 days of approval and gives the items back", async () => {
    const t0 = new Date();
    const { req, made } = await submitted("return_refund", t0);
    // Staff ids are only recorded in events, so a random id is enough for this service-level test.
    const cs = { type: "staff" as const, id: randomUUID(), role: "customer_service" as const };
    await actOnRequest(db, cs, { requestId: req.id, expectedVersion: 1, action: "approve" }, new Date(t0.getTime() + HOUR));
    expect((await statusOf(req.id)).status).toBe("awaiting_shipment");
    await runDeadlines(db, new Date(t0.getTime() + 8 * 24 * HOUR));
    expect((await statusOf(req.id)).status).toBe("closed");
    const [line] = await db.select().from(orderLines).where(eq(orderLines.id, made.lines[0]!.line.id));
    expect(line!.claimedQuantity).toBe(0);
  });

  it("two workers running at once apply each timeout once", async () => {
    const t0 = new Date();
    const { req } = await submitted("refund_only", t0);
    const later = new Date(t0.getTime() + 49 * HOUR);
    await Promise.all([runDeadlines(db, later), runDeadlines(db, later)]);
    const escalations = (await loadHistory(db, req.id)).filter((e) => e.action === "escalate");
    expect(escalations).toHaveLength(1);
  });
});
