import { DEMO_STAFF } from "../server/auth/demo-accounts";
import { startSandboxes } from "./demo-sandboxes";
import { prepare } from "./prepare";
import { build, buildIsStale } from "./run-next";
import { DEMO_CUSTOMER, DEMO_ORDER_NO } from "./seed/demo-customer";
import { linkDemoRobots } from "./seed/demo-robots";
import { runAppServer } from "./serve";
import { startDeadlineWorker } from "./worker";

/**
 * `npm run demo`: the explicit demo command (docs/decisions/012-demo-versus-production.md).
 * The database (embedded, or DATABASE_URL) gets the demo data and demo accounts when it is
 * empty, the sandboxes start, and the app runs with DEMO_MODE=1: SMS codes shown on the page,
 * demo accounts listed on the sign-in page. Refunds are paid by the worker through the payment
 * sandboxes (separate processes speaking the Alipay / WeChat Pay protocols).
 *
 * The app server (like `next start`) always runs with NODE_ENV=production, where the server refuses demo mode unless
 * ALLOW_DEMO_IN_PRODUCTION says so; this command is that say-so, and prints it.
 */
const port = process.env.PORT ?? "3000";
const prepared = await prepare({ demo: true });
const sandboxes = await startSandboxes(prepared.env);
// Staff notifications go to the WeCom robot sandbox; e-mail stays off (no SMTP_URL) in the demo.
if (sandboxes.env.WECOM_SANDBOX_URL) await linkDemoRobots(prepared.env.DATABASE_URL!, sandboxes.env.WECOM_SANDBOX_URL);
const appEnv = {
  ...sandboxes.env,
  AUTH_URL: sandboxes.env.AUTH_URL ?? `http://localhost:${port}`,
  ALLOW_DEMO_IN_PRODUCTION: "i-understand",
};
let code = 0;
if (buildIsStale()) code = await build(appEnv);
if (code === 0) {
  // The worker pays refunds through the sandboxes' gateways: it gets their variables too.
  const stopWorker = startDeadlineWorker(prepared.env.DATABASE_URL!, 60_000, appEnv);
  process.on("exit", () => void stopWorker());
  console.log("\nDEMO MODE (DEMO_MODE=1, ALLOW_DEMO_IN_PRODUCTION=i-understand): demo accounts, shown SMS codes, refunds paid into the payment sandboxes.");
  console.log("Never expose this to customers; a real shop runs `npm start` (README, Deployment).");
  console.log(`staff sign-in at http://localhost:${port}/login, password ${DEMO_STAFF[0]?.password}:`);
  for (const s of DEMO_STAFF) console.log(`  ${s.email.padEnd(30)} ${s.role}`);
  console.log(`customer H5 at http://localhost:${port}/ : phone ${DEMO_CUSTOMER.phone}, order ${DEMO_ORDER_NO}\n`);
  code = await runAppServer({ port, env: appEnv });
}
await sandboxes.stop();
await prepared.stop();
process.exit(code);
