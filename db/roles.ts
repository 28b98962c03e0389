import postgres from "postgres";

/**
 * The two database roles (docs/decisions/013-database-roles.md): the owner runs migrations and
 * owns every table; the app role, which the server connects as, may only read and write rows.
 * Without ownership or the TRIGGER right it cannot disable or drop the triggers that keep
 * return_events append-only, and it may not DELETE or TRUNCATE that table, nor UPDATE it beyond the
 * columns the retention job's erasure clears (which the trigger then allows in one exact shape only,
 * docs/decisions/018-personal-data.md).
 */
export const OWNER_ROLE = "tuihuanhuo_owner";
export const APP_ROLE = "tuihuanhuo_app";

const IDENT = /^[a-z_][a-z0-9_]*$/;
const SECRET = /^[A-Za-z0-9_-]+$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`not a plain role name: ${name}`);
  return `"${name}"`;
}

/** Creates the login role, or sets its password when it exists (DDL takes no parameters: both are checked to be plain). */
export async function ensureLoginRole(sql: postgres.Sql, name: string, password: string): Promise<void> {
  if (!SECRET.test(password)) throw new Error("role passwords are generated from [A-Za-z0-9_-]");
  const [row] = await sql<{ exists: boolean }[]>`SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${name}) AS exists`;
  await sql.unsafe(`${row?.exists ? "ALTER" : "CREATE"} ROLE ${ident(name)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`);
}

/**
 * Gives a database (and everything in it) to the owner role. Used when an embedded database made
 * before the roles existed (owned by the superuser) is opened: objects created by extensions stay.
 */
export async function adoptDatabase(sql: postgres.Sql, database: string, owner: string): Promise<void> {
  await sql.unsafe(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(owner)}`);
  await sql.unsafe(`
    DO $$
    DECLARE r record;
    BEGIN
      FOR r IN
        SELECT format('ALTER %s %I.%I OWNER TO ${ident(owner)}',
                 CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                 n.nspname, c.relname) AS stmt
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('public', 'drizzle') AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
          AND c.relowner <> '${owner}'::regrole
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
        UNION ALL
        SELECT format('ALTER TYPE %I.%I OWNER TO ${ident(owner)}', n.nspname, t.typname)
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd') AND t.typowner <> '${owner}'::regrole
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
        UNION ALL
        SELECT format('ALTER ROUTINE %s OWNER TO ${ident(owner)}', p.oid::regprocedure)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proowner <> '${owner}'::regrole
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        UNION ALL
        SELECT format('ALTER SCHEMA drizzle OWNER TO ${ident(owner)}')
        FROM pg_namespace WHERE nspname = 'drizzle' AND nspowner <> '${owner}'::regrole
      LOOP
        EXECUTE r.stmt;
      END LOOP;
    END $$`);
}

/**
 * The app role's rights, granted by the role that runs the migrations (run after every migration;
 * idempotent). Default privileges make tables created by later migrations readable and writable
 * by the app too, without this step having to run again.
 */
export async function grantAppRights(ownerUrl: string, appRole: string): Promise<void> {
  const app = ident(appRole);
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      await tx.unsafe(`GRANT USAGE ON SCHEMA public TO ${app}`);
      await tx.unsafe(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
      await tx.unsafe(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
      await tx.unsafe(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`);
      await tx.unsafe(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app}`);
      // History is appended, never changed: the triggers refuse it too, this refuses it earlier.
      await tx.unsafe(`REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON return_events FROM ${app}`);
      // Except the erasure of personal fields after retention; the trigger checks its exact shape.
      await tx.unsafe(`GRANT UPDATE (comment, changes, redacted_at, sealed) ON return_events TO ${app}`);
      // The start-up check compares the applied migrations with the committed ones.
      // The job queue (pg-boss, schema pgboss, installed by the owner at migrate time): rows and
      // its functions only. Queue tables created later by the owner are covered by the defaults.
      const [boss] = await tx<{ ok: boolean }[]>`SELECT to_regnamespace('pgboss') IS NOT NULL AS ok`;
      if (boss?.ok) {
        await tx.unsafe(`GRANT USAGE ON SCHEMA pgboss TO ${app}`);
        await tx.unsafe(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${app}`);
        await tx.unsafe(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA pgboss TO ${app}`);
        await tx.unsafe(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${app}`);
        await tx.unsafe(`ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`);
      }
      const [drizzle] = await tx<{ ok: boolean }[]>`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok`;
      if (drizzle?.ok) {
        await tx.unsafe(`GRANT USAGE ON SCHEMA drizzle TO ${app}`);
        await tx.unsafe(`GRANT SELECT ON drizzle.__drizzle_migrations TO ${app}`);
      }
    });
  } finally {
    await sql.end();
  }
}

/** The role a connection URL signs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Whether the connected role could switch the history's protection off: a superuser, the owner
 * of return_events (or a member of the owning role), or a holder of the TRIGGER right on it.
 */
export async function canDisableHistoryTriggers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ risky: boolean | null }[]>`
      SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
          OR pg_has_role(current_user, c.relowner, 'USAGE')
          OR has_table_privilege(current_user, c.oid, 'TRIGGER') AS risky
      FROM pg_class c WHERE c.oid = to_regclass('public.return_events')`;
    return row?.risky ?? false;
  } finally {
    await sql.end();
  }
}
