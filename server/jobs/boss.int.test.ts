import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { createTestDatabase } from "../test/db";
import { bossOver, enqueueInTransaction, enqueueWithin } from "./boss";
import { QUEUES } from "./queues";

const { url, appUrl } = await createTestDatabase();
// As production: the app role, which never creates schemas, uses the queue the owner installed.
const app = createDb(appUrl, { max: 4 });
const boss = bossOver(app.sql);
await boss.start();
afterAll(async () => {
  await boss.stop({ graceful: false, close: false });
  await app.sql.end();
});
void url;

describe("the job queue over the app's own connection pool", () => {
  it("queues a job inside a transaction: committed → there, rolled back → gone", async () => {
    await app.sql.begin(async (tx) => {
      await enqueueInTransaction(boss, tx, QUEUES.refundExecute, { refundId: "committed" });
    });
    await app.sql
      .begin(async (tx) => {
        await enqueueInTransaction(boss, tx, QUEUES.refundExecute, { refundId: "rolled-back" });
        throw new Error("abort");
      })
      .catch(() => {});
    const jobs = await boss.fetch<{ refundId: string }>(QUEUES.refundExecute, { batchSize: 10 });
    expect(jobs.map((j) => j.data.refundId)).toEqual(["committed"]);
    await boss.complete(QUEUES.refundExecute, jobs.map((j) => j.id));
  });
});

describe("enqueueWithin: a job queued with nothing but the transaction", () => {
  it("exists if and only if the transaction commits, with its start time", async () => {
    const at = new Date(Date.now() + 3_600_000);
    await app.sql.begin(async (tx) => {
      await enqueueWithin(tx, QUEUES.refundExecute, { refundId: "within-committed" }, { startAfter: at });
    });
    await app.sql
      .begin(async (tx) => {
        await enqueueWithin(tx, QUEUES.refundExecute, { refundId: "within-rolled-back" });
        throw new Error("abort");
      })
      .catch(() => {});
    const rows = await app.sql<{ data: { refundId: string }; start_after: Date }[]>`
      SELECT data, start_after FROM pgboss.job WHERE data->>'refundId' LIKE 'within-%'`;
    expect(rows.map((r) => r.data.refundId)).toEqual(["within-committed"]);
    expect(Math.abs(new Date(rows[0]!.start_after).getTime() - at.getTime())).toBeLessThan(1000);
  });
});
