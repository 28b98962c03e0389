import { readFileSync } from "node:fs";
import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { installJobQueue } from "../server/jobs/boss";
import { createDb } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export async function runMigrations(url: string): Promise<void> {
  const { db, sql } = createDb(url, { max: 1, prepare: false });
  try {
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await sql.end();
  }
  // The job queue's own schema (pg-boss migrates it itself), by the same owner role.
  await installJobQueue(url);
}

/** Compares the committed journal with what the database has applied. */
export async function pendingMigrations(url: string): Promise<string[]> {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await sql<{ ok: boolean }[]>`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok`;
    const applied = exists?.ok
      ? new Set((await sql<{ created_at: string }[]>`SELECT created_at FROM drizzle.__drizzle_migrations`).map((r) => Number(r.created_at)))
      : new Set<number>();
    return journal.entries.filter((e) => !applied.has(e.when)).map((e) => e.tag);
  } finally {
    await sql.end();
  }
}
