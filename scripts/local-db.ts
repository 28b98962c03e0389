import path from "node:path";
import { startEmbeddedPostgres } from "../db/embedded";
import { runMigrations } from "../db/migrate";
import { grantAppRights, roleOf } from "../db/roles";

export interface LocalDatabase {
  /** What the app connects as: the app role (rows only, no ownership, no TRIGGER right). */
  url: string;
  /** What migrations, the grant step and the set-up scripts connect as: the owner role. */
  ownerUrl: string;
  /** False for an external database without DATABASE_OWNER_URL: the app role is also the owner. */
  separateRoles: boolean;
  embedded: boolean;
  stop: () => Promise<void>;
}

/**
 * The database the scripts use: DATABASE_URL (+ DATABASE_OWNER_URL for migrations) when set,
 * else the embedded server whose data lives in DATA_DIR/pg (git-ignored) so it survives restarts.
 * See docs/decisions/013-database-roles.md.
 */
export async function openLocalDatabase(): Promise<LocalDatabase> {
  // Scripts run outside Next, before the validated env exists for the app: this is the one
  // other place that reads process.env, and only for the database location.
  const external = process.env.DATABASE_URL;
  if (external) {
    const owner = process.env.DATABASE_OWNER_URL;
    return { url: external, ownerUrl: owner ?? external, separateRoles: Boolean(owner), embedded: false, stop: async () => {} };
  }
  const dataDir = path.join(process.env.DATA_DIR ?? ".data", "pg");
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const server = await startEmbeddedPostgres({ dataDir, port, persistent: true, databases: ["tuihuanhuo"] });
  const { ownerUrl, appUrl } = await server.provision("tuihuanhuo");
  return { url: appUrl, ownerUrl, separateRoles: true, embedded: true, stop: server.stop };
}

/**
 * Migrations as the owner, then the app role's rights. With one role only (an external
 * DATABASE_URL and no DATABASE_OWNER_URL) it says so: that app could switch history's
 * protection off, and a production server refuses to start like that (server/startup-checks.ts).
 */
export async function migrateLocalDatabase(database: LocalDatabase): Promise<void> {
  await runMigrations(database.ownerUrl);
  if (database.separateRoles) {
    await grantAppRights(database.ownerUrl, roleOf(database.url));
  } else {
    console.warn(
      "DATABASE_OWNER_URL is not set: migrations ran as DATABASE_URL's role, and the app connects as the same role. " +
        "Give the app a role of its own (README, Deployment) before running in production.",
    );
  }
}
