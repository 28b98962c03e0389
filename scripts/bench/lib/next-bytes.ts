/**
 * Shared by the JavaScript-size benchmarks: start `next start` in its own process group, measure
 * the compressed Script bytes Chromium downloads for one page load on an empty cache (CDP
 * Network.loadingFinished encodedDataLength), and build the floor, a bare Next.js app of the same
 * version.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions } from "@playwright/test";
import { freePort } from "../../../db/embedded";

export const REPO = path.resolve(import.meta.dirname, "../../..");
export const NEXT_BIN = path.join(REPO, "node_modules", "next", "dist", "bin", "next");
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export const MOBILE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN" };

export const kib = (bytes: number) => bytes / 1024;

export function run(cmd: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cmd, { ...opts, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd.join(" ")} exited ${code}`))));
  });
}

/** `next start` in its own process group, so stopping it also stops next-server. */
export async function startNext(cwd: string, port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port)], { cwd, env, detached: true, stdio: ["ignore", "ignore", "inherit"] });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://localhost:${port}/`, { redirect: "manual" });
      if (res.status < 500) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stopNext(child);
  throw new Error(`next start on ${port} did not come up`);
}

/** Stops the whole process group and waits for it, so the database is not pulled from under it. */
export async function stopNext(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

/** Compressed bytes of Script responses for one page load in a fresh context (empty cache). */
export async function scriptBytes(browser: Browser, url: string, setup?: (ctx: BrowserContext) => Promise<void>, contextOptions: BrowserContextOptions = MOBILE): Promise<{ bytes: number; files: number }> {
  const ctx = await browser.newContext(contextOptions);
  await setup?.(ctx);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Set<string>();
  let bytes = 0;
  let files = 0;
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Script") scripts.add(e.requestId);
  });
  cdp.on("Network.loadingFinished", (e) => {
    if (scripts.has(e.requestId)) {
      bytes += e.encodedDataLength;
      files += 1;
    }
  });
  const res = await page.goto(url, { waitUntil: "networkidle" });
  if (!res || res.status() >= 400) throw new Error(`${url} answered ${res?.status()}`);
  if (new URL(page.url()).pathname !== new URL(url).pathname) throw new Error(`${url} redirected to ${page.url()}`);
  await ctx.close();
  return { bytes, files };
}

/** A bare Next.js app (one page, one layout) on this repo's node_modules, built and started. */
export async function bareApp(port: number): Promise<{ stop: () => Promise<void>; dir: string; url: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "h5-bench-bare-"));
  symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir");
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bare", private: true, type: "module" }));
  // node_modules lives outside this folder: Turbopack must be allowed to read it.
  writeFileSync(path.join(dir, "next.config.mjs"), `export default { turbopack: { root: ${JSON.stringify(path.parse(REPO).root)} } };\n`);
  mkdirSync(path.join(dir, "app"));
  writeFileSync(path.join(dir, "app", "layout.jsx"), `export default function RootLayout({ children }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n`);
  writeFileSync(path.join(dir, "app", "page.jsx"), `export default function Page() {\n  return <h1>Hello</h1>;\n}\n`);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  await run([NEXT_BIN, "build"], { cwd: dir, env });
  const child = await startNext(dir, port, env);
  return { dir, url: `http://localhost:${port}/`, stop: () => stopNext(child) };
}


export interface BenchApps {
  /** The app, seeded with the demo data, served by `next start`. */
  base: string;
  /** The bare Next.js page: the floor. */
  bareUrl: string;
  /** Stops both servers and the database and deletes the temporary folder, newest first. */
  cleanups: (() => void | Promise<void>)[];
}

/**
 * The app on a throw-away embedded database with the demo seed (built first when sources are
 * newer than .next), and the bare floor app beside it. Call every cleanup, in order, when done.
 */
export async function startBenchApps(prefix: string): Promise<BenchApps> {
  const work = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(work, 0o755);
  const cleanups: (() => void | Promise<void>)[] = [() => rmSync(work, { recursive: true, force: true })];
  try {
    process.env.DATA_DIR = path.join(work, "data");
    process.env.EMBEDDED_PG_PORT = String(await freePort());
    const { prepare } = await import("../../prepare");
    const { buildIsStale } = await import("../../run-next");
    const { env, stop } = await prepare({ demo: true });
    cleanups.unshift(stop);
    const appPort = await freePort();
    const base = `http://localhost:${appPort}`;
    // The demo (DEMO_MODE=1) under `next start`: the same say-so `npm run demo` gives.
    const appEnv = { ...env, AUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1", ALLOW_DEMO_IN_PRODUCTION: "i-understand" };
    if (buildIsStale()) await run([NEXT_BIN, "build"], { cwd: REPO, env: appEnv });
    const app = await startNext(REPO, appPort, appEnv);
    cleanups.unshift(() => stopNext(app));
    const bare = await bareApp(await freePort());
    cleanups.unshift(() => rmSync(bare.dir, { recursive: true, force: true }), bare.stop);
    return { base, bareUrl: bare.url, cleanups };
  } catch (e) {
    for (const c of cleanups) await c();
    throw e;
  }
}
