/**
 * Runs once when a Next server process starts. The app refuses to serve against a database
 * whose schema is behind the committed migrations (half-migrated data is worse than no app),
 * and, in production, without an SMS provider (server/sms/config-check.ts), or with demo mode,
 * the simulated payment gateway or a database role that could disable the history's triggers
 * (server/startup-checks.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./server/env");
  const { checkSmsConfigOrExit } = await import("./server/sms/config-check");
  checkSmsConfigOrExit(env());
  const { checkSchemaOrExit } = await import("./server/schema-check");
  await checkSchemaOrExit();
  const { checkStartupOrExit } = await import("./server/startup-checks");
  await checkStartupOrExit();
}
