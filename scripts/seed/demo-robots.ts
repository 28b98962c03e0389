import postgres from "postgres";
import { STAFF_ROLES } from "../../server/domain/vocabulary";

/**
 * `npm run demo` only: one WeCom robot per staff role, in the robot sandbox (key demo-<role>), so
 * the demo's staff notifications have somewhere to go. Added when the shop has no staff channel
 * at all; robots added by an earlier demo run are pointed at this run's sandbox (its port changes).
 * The store manager edits them like any channel (Notifications → Staff channels).
 */
export async function linkDemoRobots(databaseUrl: string, sandboxOrigin: string): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`
      UPDATE staff_channels SET target = regexp_replace(target, '^http://127\\.0\\.0\\.1:[0-9]+', ${sandboxOrigin}), updated_at = now()
      WHERE kind = 'wecom' AND target ~ '^http://127\\.0\\.0\\.1:[0-9]+/cgi-bin/webhook/send\\?key=demo-'`;
    const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM staff_channels`;
    if ((row?.n ?? 0) > 0) return;
    for (const role of STAFF_ROLES.filter((r) => r !== "admin")) {
      await sql`INSERT INTO staff_channels (role, kind, target) VALUES (${role}, 'wecom', ${`${sandboxOrigin}/cgi-bin/webhook/send?key=demo-${role}`})`;
    }
  } finally {
    await sql.end();
  }
}
