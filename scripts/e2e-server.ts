import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../db/embedded";
import { pathHash, STATE_ROOT } from "../db/pg-placement";
import { E2E_TOTP_ENCRYPTION_KEY } from "../e2e/fixtures/totp-key";

/**
 * The server Playwright starts (playwright.config.ts `webServer`): what `npm run demo` does, on a
 * throw-away embedded database — fresh folder, free port, demo seed, sandboxes, DEMO_MODE=1 —
 * so every run starts from the same data and never touches the developer's .data. The app
 * connects as the app role, as in production. The folder is removed on exit.
 */
const PORT = process.env.E2E_PORT ?? "3100";
// As root, db/pg-placement.ts keeps PostgreSQL's data where the `postgres` OS user can reach it.
const dataDir = mkdtempSync(path.join(tmpdir(), "tuihuanhuo-e2e-"));

// The data may have been relocated for the `postgres` OS user (a root run): that folder goes too.
const relocated = path.join(STATE_ROOT, `data-${pathHash(path.join(dataDir, "pg"))}`);
const removeDataDir = () => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(relocated, { recursive: true, force: true });
};
// Runs on every exit path, including db/embedded.ts's SIGTERM/SIGINT hook calling process.exit.
process.on("exit", removeDataDir);

process.env.DATA_DIR = dataDir;
process.env.EMBEDDED_PG_PORT = String(await freePort());
process.env.PORT = PORT;
process.env.AUTH_URL = `http://localhost:${PORT}`;
// A line per request and per job would bury Playwright's output (and cost the 2 cores time):
// warnings and errors only, unless the run asks for more.
process.env.LOG_LEVEL ??= "warn";
// Known to the test process too, so freshStaff can enroll authenticators for finance/admin users.
process.env.TOTP_ENCRYPTION_KEY = E2E_TOTP_ENCRYPTION_KEY;

// Imported after the environment is set: prepare() reads DATA_DIR and EMBEDDED_PG_PORT.
const { prepare } = await import("./prepare");
const { build, buildIsStale } = await import("./run-next");
const { runAppServer } = await import("./serve");
const { startSandboxes } = await import("./demo-sandboxes");
const { startDeadlineWorker } = await import("./worker");

const prepared = await prepare({ demo: true });
const sandboxes = await startSandboxes(prepared.env);
// Tests that set up data or act as staff through the services read the database URL from here
// (playwright.config.ts names the file; the folder is this run's own). Set-up is the owner's
// work; the app itself runs as the app role.
const urlFile = process.env.E2E_DATABASE_URL_FILE;
if (urlFile) {
  writeFileSync(urlFile, prepared.ownerUrl, { mode: 0o600 });
  process.on("exit", () => rmSync(urlFile, { force: true }));
}
// The payment sandboxes' addresses, for stories that arm a fault (the sandbox's control API).
const sandboxesFile = process.env.E2E_SANDBOXES_FILE;
if (sandboxesFile) {
  const e = sandboxes.env;
  writeFileSync(sandboxesFile, JSON.stringify({ alipay: e.ALIPAY_GATEWAY_URL ? new URL(e.ALIPAY_GATEWAY_URL).origin : null, wechatPay: e.WECHATPAY_BASE_URL ?? null }), { mode: 0o600 });
  process.on("exit", () => rmSync(sandboxesFile, { force: true }));
}
// Like `npm run demo`: the app server runs with NODE_ENV=production, where demo mode needs the say-so.
const appEnv = { ...sandboxes.env, AUTH_URL: `http://localhost:${PORT}`, ALLOW_DEMO_IN_PRODUCTION: "i-understand" };
let code = 0;
if (buildIsStale()) {
  console.log("e2e server: the production build is stale; building (npm run test:e2e builds before Playwright starts)");
  code = await build(appEnv);
}
if (code === 0) {
  console.log(`e2e server: starting the app on port ${PORT}`);
  // As `npm run demo`: the worker pays refunds through the sandboxes (polling every second), notifications come back to the app.
  const stopWorker = startDeadlineWorker(prepared.env.DATABASE_URL!, 60_000, {
    ...process.env,
    ...appEnv,
    PAYMENT_NOTIFY_BASE_URL: `http://localhost:${PORT}`,
    WORKER_POLL_SECONDS: "1",
    WORKER_RECONCILE_MS: "2000",
  });
  code = await runAppServer({ port: PORT, env: appEnv });
  await stopWorker();
}
await sandboxes.stop();
await prepared.stop();
process.exit(code);
