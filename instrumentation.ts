/**
 * Runs once when a Next server process starts. The app refuses to serve against a database
 * whose schema is behind the committed migrations: half-migrated data is worse than no app.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkSchemaOrExit } = await import("./server/schema-check");
  await checkSchemaOrExit();
}
