import { DEMO_STAFF } from "../server/auth/demo-accounts";
import { startSandboxes } from "./demo-sandboxes";
import { prepare } from "./prepare";
import { build, buildIsStale } from "./run-next";
import { DEMO_CUSTOMER, DEMO_ORDER_NO } from "./seed/demo-customer";
import { runAppServer } from "./serve";
import { startDeadlineWorker } from "./worker";

/**
 * `npm run demo`: the explicit demo command (docs/decisions/012-demo-versus-production.md).
 * The database (embedded, or DATABASE_URL) gets the demo data and demo accounts when it is
 * empty, the sandboxes start, and the app runs with DEMO_MODE=1: SMS codes shown on the page,
 * demo accounts listed on the sign-in page, refunds paid by the simulated gateway.
 *
 * The app server (like `next start`) always runs with NODE_ENV=production, where the server refuses demo mode unless
 * ALLOW_DEMO_IN_PRODUCTION says so; this command is that say-so, and prints it.
 */
const port = process.env.PORT ?? "3000";
const prepared = await prepare({ demo: true });
const sandboxes = await startSandboxes(prepared.env);
const appEnv = {
  ...sandboxes.env,
  AUTH_URL: sandboxes.env.AUTH_URL ?? `http://localhost:${port}`,
  ALLOW_DEMO_IN_PRODUCTION: "i-understand",
};
let code = 0;
if (buildIsStale()) code = await build(appEnv);
if (code === 0) {
  // The sandboxes' settings are in appEnv, not in this process's env: the worker pays through them.
  const stopWorker = startDeadlineWorker(prepared.env.DATABASE_URL!, 60_000, { ...process.env, ...appEnv });
  process.on("exit", () => void stopWorker());
  console.log("\nDEMO MODE (DEMO_MODE=1, ALLOW_DEMO_IN_PRODUCTION=i-understand): demo accounts, shown SMS codes, simulated refunds.");
  console.log("Never expose this to customers; a real shop runs `npm start` (README, Deployment).");
  console.log(`staff sign-in at http://localhost:${port}/login, password ${DEMO_STAFF[0]?.password}:`);
  for (const s of DEMO_STAFF) console.log(`  ${s.email.padEnd(30)} ${s.role}`);
  console.log(`customer H5 at http://localhost:${port}/ : phone ${DEMO_CUSTOMER.phone}, order ${DEMO_ORDER_NO}\n`);
  code = await runAppServer({ port, env: appEnv });
}
await sandboxes.stop();
await prepared.stop();
process.exit(code);
