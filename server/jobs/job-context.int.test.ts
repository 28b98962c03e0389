import { describe, expect, it } from "vitest";
import { currentRequestId, withRequestId } from "../log/request-context";
import { createTestDatabase } from "../test/db";
import { bossOver, enqueueWithin } from "./boss";
import { runJob } from "./job-context";
import { QUEUES } from "./queues";

const { sql } = await createTestDatabase();

async function queuedData(id: string | null): Promise<Record<string, unknown>> {
  const [row] = await sql<{ data: Record<string, unknown> }[]>`SELECT data FROM pgboss.job WHERE id = ${id!}`;
  return row!.data;
}

describe("a request id follows a request into its jobs", () => {
  it("a job queued while serving a request carries the request's id; outside a request none is added", async () => {
    const inside = await withRequestId("req-1234", () => sql.begin((tx) => enqueueWithin(tx, QUEUES.refundExecute, { refundId: "r1" })));
    const outside = await sql.begin((tx) => enqueueWithin(tx, QUEUES.refundExecute, { refundId: "r2" }));
    expect(await queuedData(inside)).toEqual({ refundId: "r1", rid: "req-1234" });
    expect(await queuedData(outside)).toEqual({ refundId: "r2" });
  });

  it("the worker runs the job inside that request's context (its log lines carry the id), or the job's own", async () => {
    const id = await withRequestId("req-5678", () => sql.begin((tx) => enqueueWithin(tx, QUEUES.refundExecute, { refundId: "r3" })));
    const boss = bossOver(sql);
    const [job] = (await boss.fetch<{ refundId: string }>(QUEUES.refundExecute, { batchSize: 10 })).filter((j) => j.id === id);
    expect(currentRequestId()).toBeUndefined();
    expect(await runJob(QUEUES.refundExecute, job!, async () => currentRequestId())).toBe("req-5678");
    expect(await runJob(QUEUES.refundExecute, { id: "j-1", data: { refundId: "x" } }, async () => currentRequestId())).toBe("job:j-1");
    await expect(runJob(QUEUES.refundExecute, job!, async () => Promise.reject(new Error("gateway down")))).rejects.toThrow("gateway down");
  });
});
