import { sql as dsql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { within } from "../server/api/deadline";
import { createTestDatabase } from "../server/test/db";
import { createDb, sqlOf } from "./client";

/**
 * What the driver does when a transaction's connection dies (docs/decisions/020-database-failure.md).
 * postgres-js 3.4.9 unpatched: the transaction's later statements run on the reconnected
 * connection outside any transaction (porsager/postgres#1216, #1155), its automatic ROLLBACK is
 * written to a null socket from a setImmediate and kills the process (#1133, #1208), and
 * statements queued inside the transaction never settle (#1186). patches/postgres+3.4.9.patch.
 */

let url: string;
let killer: postgres.Sql;
const uncaught: unknown[] = [];
const onUncaught = (e: unknown) => uncaught.push(e);

beforeAll(async () => {
  ({ url } = await createTestDatabase());
  killer = postgres(url, { max: 1, onnotice: () => {} });
  await killer`CREATE TABLE conn_loss_probe (label text NOT NULL)`;
  process.on("uncaughtException", onUncaught);
});

beforeEach(() => {
  uncaught.length = 0;
});

afterAll(async () => {
  process.off("uncaughtException", onUncaught);
  await killer.end();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function terminate(pid: number) {
  await killer`SELECT pg_terminate_backend(${pid})`;
}

async function probeLabels(): Promise<string[]> {
  return (await killer<{ label: string }[]>`SELECT label FROM conn_loss_probe ORDER BY label`).map((r) => r.label);
}

describe("a transaction whose connection dies", () => {
  it("never runs its later statements on another connection, and the pool serves the next query", async () => {
    // One connection, so the query waiting for it is handed the reconnected one (#1216's setting).
    const { db, sql } = createDb(url, { max: 1 });
    try {
      let pid = 0;
      let killed!: () => void;
      const afterKill = new Promise<void>((r) => (killed = r));
      const tx = db.transaction(async (t) => {
        const [row] = await sqlOf(t)<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        pid = row!.pid;
        await afterKill;
        // The connection is gone: these must fail, not run as autocommit statements elsewhere.
        await sqlOf(t)`INSERT INTO conn_loss_probe (label) VALUES ('after-kill-1')`;
        await t.execute(dsql`INSERT INTO conn_loss_probe (label) VALUES ('after-kill-2')`);
      });
      const txSettled = tx.then(
        () => "committed",
        () => "failed",
      );
      while (pid === 0) await sleep(10);
      // Queued behind the transaction for the only connection.
      const waiting = db.execute(dsql`SELECT 1 AS one`);
      await terminate(pid);
      // The pool reconnects the only connection for the waiting query…
      expect((await within(10_000, waiting)).length).toBe(1);
      // …and only then does the transaction carry on.
      killed();

      const outcome = await within(10_000, txSettled).catch(() => "unanswered");
      // Unpatched, the inserts land as autocommit statements on the reconnected connection.
      expect({ outcome, committedOutsideTheTransaction: await probeLabels() }).toEqual({ outcome: "failed", committedOutsideTheTransaction: [] });
      expect((await within(10_000, db.execute(dsql`SELECT 2 AS two`))).length).toBe(1);
      await sleep(100);
      expect(uncaught).toEqual([]);
    } finally {
      await sql.end({ timeout: 1 });
    }
  });

  it("rejects when it dies during a statement, without an uncaught exception from the driver's own ROLLBACK", async () => {
    const { db, sql } = createDb(url, { max: 2 });
    try {
      let pid = 0;
      const tx = db.transaction(async (t) => {
        const [row] = await sqlOf(t)<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        pid = row!.pid;
        await sqlOf(t)`SELECT pg_sleep(5)`;
        await sqlOf(t)`INSERT INTO conn_loss_probe (label) VALUES ('after-sleep')`;
      });
      const settled = tx.then(
        () => "committed",
        () => "failed",
      );
      while (pid === 0) await sleep(10);
      await terminate(pid);
      expect(await within(10_000, settled)).toBe("failed");
      // Give a scheduled write (setImmediate) the chance to hit the closed socket.
      await sleep(200);
      expect(uncaught).toEqual([]);
      expect(await probeLabels()).toEqual([]);
      expect((await within(10_000, db.execute(dsql`SELECT 1 AS one`))).length).toBe(1);
    } finally {
      await sql.end({ timeout: 1 });
    }
  });

  it("settles statements still queued inside the transaction when its connection dies", async () => {
    const { db, sql } = createDb(url, { max: 2 });
    try {
      let pid = 0;
      let inFlight: Promise<unknown>[] = [];
      const tx = db.transaction(async (t) => {
        const s = sqlOf(t);
        const [row] = await s<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        pid = row!.pid;
        // More than postgres-js pipelines at once, so some wait in the transaction's own queue.
        inFlight = [s`SELECT pg_sleep(5)`, ...Array.from({ length: 200 }, (_, i) => s`SELECT ${i}::int AS i`)];
        await Promise.all(inFlight);
      });
      const settled = tx.then(
        () => "committed",
        () => "failed",
      );
      while (pid === 0) await sleep(10);
      await sleep(100);
      await terminate(pid);
      expect(await within(10_000, settled)).toBe("failed");
      const outcomes = await within(10_000, Promise.allSettled(inFlight));
      expect(outcomes.every((o) => o.status === "rejected")).toBe(true);
      await sleep(100);
      expect(uncaught).toEqual([]);
    } finally {
      await sql.end({ timeout: 1 });
    }
  });
});
