import { canDisableHistoryTriggers } from "../db/roles";
import { DEMO_IN_PRODUCTION_OVERRIDE, env, type Env } from "./env";
import { alipayProductionRefusal, alipaySetupProblems } from "./payments/alipay/from-env";
import { wechatPayProductionRefusals } from "./payments/wechat-pay/from-env";

/**
 * What a production server refuses to start with (instrumentation.ts runs these once per server
 * process): demo mode, a payment gateway pointed at a sandbox (the adapters' own checks), a
 * database role that could switch the history's protection off. Each refusal is one sentence that says what to do.
 * See docs/decisions/012-demo-versus-production.md and 013-database-roles.md.
 */
export function configurationRefusals(e: Env): string[] {
  if (e.NODE_ENV !== "production" || e.ALLOW_DEMO_IN_PRODUCTION === DEMO_IN_PRODUCTION_OVERRIDE) return [];
  const refusals: string[] = [];
  if (e.DEMO_MODE === "1") {
    refusals.push(
      `Refusing to start: DEMO_MODE=1 (shown SMS codes, listed demo accounts) on a production server; unset DEMO_MODE for a real shop (\`npm start\`), or run the demo with \`npm run demo\` (it sets ALLOW_DEMO_IN_PRODUCTION=${DEMO_IN_PRODUCTION_OVERRIDE}).`,
    );
  }
  refusals.push(...wechatPayProductionRefusals(e));
  const alipay = alipayProductionRefusal(e);
  if (alipay) refusals.push(alipay);
  return refusals;
}

/** A production app must connect as a role without ownership or TRIGGER right on the history. */
export async function databaseRoleRefusals(e: Env, url: string): Promise<string[]> {
  if (e.NODE_ENV !== "production") return [];
  if (!(await canDisableHistoryTriggers(url))) return [];
  return [
    "Refusing to start: DATABASE_URL signs in as a role that owns the tables (or is a superuser), so it could switch off the append-only history; point DATABASE_URL at the app role and DATABASE_OWNER_URL at the owner (README, Deployment).",
  ];
}

export async function checkStartupOrExit(): Promise<void> {
  const e = env();
  // A half-configured gateway stops every start, demo or not: it would otherwise silently not pay.
  const refusals = [...alipaySetupProblems(e), ...configurationRefusals(e), ...(e.DATABASE_URL ? await databaseRoleRefusals(e, e.DATABASE_URL) : [])];
  if (refusals.length === 0) return;
  for (const r of refusals) console.error(r);
  process.exit(1);
}
