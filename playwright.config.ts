import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// One host name everywhere: Auth.js builds absolute URLs from AUTH_URL, and cookies are per host.
// E2E_PORT lets a second run (e.g. a CI check beside a developer's run) use another port.
const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? "3100"}`;

// Debian's chromium when installed (no browser download is possible here); Playwright's own elsewhere.
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

// scripts/e2e-server.ts writes its database URL to this file for tests that prepare data or act as
// staff through the services. Set once in the runner; workers inherit it (hence ??=).
process.env.E2E_DATABASE_URL_FILE ??= path.join(tmpdir(), `tuihuanhuo-e2e-database-url-${process.pid}`);
// …and the payment sandboxes' addresses (JSON), so a story can arm a fault or read a sandbox's ledger.
process.env.E2E_SANDBOXES_FILE ??= path.join(tmpdir(), `tuihuanhuo-e2e-sandboxes-${process.pid}.json`);

/** `SCREENSHOTS=1 npx playwright test --project=screenshots` writes PNGs to screenshots/ (git-ignored). */
const screenshots = process.env.SCREENSHOTS === "1";

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  // CI is a 2-core machine that builds, seeds and serves while the browser runs: generous waits, no
  // retries. Nothing here measures speed (benchmarks do, in scripts/bench).
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? "line" : "list",
  use: {
    baseURL: BASE_URL,
    // Staff browsers in China send zh-CN; the English case is tested through the switch.
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  // One browser at a time (the default on 2 cores): two were tried and were not faster, since the
  // stories, the app server and PostgreSQL share the same two cores. A second worker would also need
  // staff-admin.spec.ts (it changes the shop's approval rules for a moment) kept apart.
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /screenshots\.spec\.ts/ },
    ...(screenshots ? [{ name: "screenshots", use: { ...devices["Desktop Chrome"] }, testMatch: /screenshots\.spec\.ts/ }] : []),
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${BASE_URL}/login`,
    reuseExistingServer: false,
    // The first run builds the app (next build), which takes minutes on a 2-core machine.
    timeout: 600_000,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets the script stop Next and PostgreSQL and delete its temporary data folder.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
