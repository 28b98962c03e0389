import { createServer, type Server, type Socket } from "node:net";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../../db/client";
import { freePort } from "../../../db/embedded";
import { createTestDatabase } from "../../test/db";
import { testContext } from "../../test/fixtures";
import type { Context } from "../context";
import { within } from "../deadline";
import { appRouter } from "../root";
import { databaseUnavailableMeta } from "../unavailable-response";

// Read by the tRPC middleware on the first request of this file (env() is lazy and cached).
process.env.REQUEST_DEADLINE_MS = "1500";

const TIMEOUTS = { statementTimeoutMs: 1_000, idleInTransactionTimeoutMs: 1_000, connectTimeoutSeconds: 30 };

/** As app/api/trpc/[trpc]/route.ts answers: the deadline on the context, the 503 meta. */
async function get(path: string, createContext: () => Promise<Context>) {
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`),
    router: appRouter,
    createContext: () => within(1_500, createContext()),
    responseMeta: databaseUnavailableMeta,
  });
  const body = (await res.json()) as { error?: { json: { message: string; data: { appCode: string | null } } } };
  return { status: res.status, retryAfter: res.headers.get("retry-after"), message: body.error?.json.message, appCode: body.error?.json.data.appCode };
}

let refusing: string;
let blackHole: Server;
let blackHoleUrl: string;
const heldSockets: Socket[] = [];

beforeAll(async () => {
  // Nothing listens on this port: ECONNREFUSED, as while the database is down.
  refusing = `postgres://postgres:postgres@127.0.0.1:${await freePort()}/none`;
  // Accepts and never answers, as a host that went silent: only the request's deadline ends the wait.
  blackHole = createServer((s) => heldSockets.push(s));
  await new Promise<void>((r) => blackHole.listen(0, "127.0.0.1", r));
  const address = blackHole.address();
  blackHoleUrl = `postgres://postgres:postgres@127.0.0.1:${typeof address === "object" && address ? address.port : 0}/none`;
});

afterAll(() => {
  for (const s of heldSockets) s.destroy();
  blackHole.close();
});

describe("while the database is unreachable, the API answers 503 with Retry-After and a localized message", () => {
  it("a procedure whose database refuses connections", async () => {
    const { db, sql } = createDb(refusing, { max: 2, timeouts: TIMEOUTS });
    try {
      const zh = await get("customer.settings", async () => testContext(db, { locale: "zh-CN" }));
      expect(zh).toEqual({ status: 503, retryAfter: "5", appCode: "database_unavailable", message: "系统暂时无法访问数据库，请稍后重试（已提交的申请不会丢失）" });
      const en = await get("customer.settings", async () => testContext(db, { locale: "en" }));
      expect(en.status).toBe(503);
      expect(en.message).toMatch(/^The database is unavailable for a moment/);
    } finally {
      await sql.end({ timeout: 0 });
    }
  });

  it("a procedure whose database never answers ends at the request's deadline", async () => {
    const { db, sql } = createDb(blackHoleUrl, { max: 2, timeouts: TIMEOUTS });
    try {
      const r = await get("customer.settings", async () => testContext(db, { locale: "en" }));
      expect(r).toMatchObject({ status: 503, retryAfter: "5", appCode: "database_unavailable" });
    } finally {
      await sql.end({ timeout: 0 });
    }
  });

  it("the context's own database read (the session) failing", async () => {
    const { db, sql } = createDb(refusing, { max: 2, timeouts: TIMEOUTS });
    try {
      const r = await get("customer.me", async () => {
        await db.execute("SELECT 1");
        return testContext(db);
      });
      expect(r).toMatchObject({ status: 503, retryAfter: "5", appCode: "database_unavailable" });
    } finally {
      await sql.end({ timeout: 0 });
    }
  });

  it("a statement the server cancels after statement_timeout", async () => {
    const { url } = await createTestDatabase();
    const { db, sql } = createDb(url, { max: 2, timeouts: { ...TIMEOUTS, statementTimeoutMs: 200 } });
    try {
      await expect(db.execute("SELECT pg_sleep(2)")).rejects.toMatchObject({ cause: { code: "57014" } });
      // The same pool still serves.
      expect((await get("customer.settings", async () => testContext(db))).status).toBe(200);
    } finally {
      await sql.end({ timeout: 0 });
    }
  });
});
