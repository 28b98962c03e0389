import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { createTestDatabase } from "../test/db";
import { bossOver, enqueueInTransaction } from "./boss";
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
