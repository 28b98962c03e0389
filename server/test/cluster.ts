import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import postgres from "postgres";
import { freePort, startEmbeddedPostgres } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";
import { ensureLoginRole, grantAppRights } from "../../db/roles";
import { startWorkerProcess, type WorkerProcess } from "./worker-process";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The standalone production server (scripts/standalone.ts writes it after `next build`). */
export const STANDALONE_SERVER = path.join(ROOT, ".next", "standalone", "app-server.mjs");

/** The key the cluster's processes seal secrets with (a webhook endpoint's secret). */
export const CLUSTER_SECRET_KEY = "cluster-secret-box-key-0123456789abcdef";

/** The bearer token the cluster's app servers expect on GET /api/metrics. */
export const CLUSTER_METRICS_TOKEN = "cluster-metrics-token-0123456789abcdef";

export interface AppProcess {
  url: string;
  pid: number;
  /** Everything the server printed (JSON log lines and Next's own), line by line. */
  output: string[];
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface Cluster {
  apps: AppProcess[];
  workers: WorkerProcess[];
  /** The environment every process got (same AUTH_SECRET, same database: nothing else is shared). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * A database for a cluster outside vitest (the Playwright spec): a throw-away embedded
 * PostgreSQL, migrated as its owner, with the app role the servers connect as — what
 * server/test/global-setup.ts makes for vitest, in one call.
 */
export async function clusterDatabase(): Promise<{ ownerUrl: string; appUrl: string; stop: () => Promise<void> }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "tuihuanhuo-cluster-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), persistent: false, databases: [] });
  const admin = postgres(server.url("postgres"), { max: 1, onnotice: () => {} });
  const name = `cluster_${randomBytes(4).toString("hex")}`;
  const role = `cluster_app_${randomBytes(3).toString("hex")}`;
  const password = randomBytes(18).toString("base64url");
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    const ownerUrl = server.url(name);
    await runMigrations(ownerUrl);
    await ensureLoginRole(admin, role, password);
    await grantAppRights(ownerUrl, role);
    const app = new URL(ownerUrl);
    app.username = role;
    app.password = password;
    return {
      ownerUrl,
      appUrl: app.toString(),
      stop: async () => {
        await server.stop();
        rmSync(tmp, { recursive: true, force: true });
      },
    };
  } finally {
    await admin.end();
  }
}

/** One app server from the standalone build, started with plain `node`; resolves once it answers. */
export async function startAppProcess(env: Record<string, string>, port: number): Promise<AppProcess> {
  const child: ChildProcess = spawn(process.execPath, [STANDALONE_SERVER], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env, PORT: String(port) } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on("line", (l) => output.push(l));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const kill = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app server on ${port} exited with ${child.exitCode}:\n${output.slice(-30).join("\n")}`);
    try {
      const res = await fetch(`${url}/api/health/ready`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 120_000) {
      await kill("SIGKILL");
      throw new Error(`app server on ${port} did not become ready:\n${output.slice(-30).join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, pid: child.pid!, output, kill };
}

/**
 * N app servers and M workers against one PostgreSQL, as a deployment runs them: separate OS
 * processes sharing nothing but the database and the configuration (one AUTH_SECRET). The app
 * servers trust one proxy hop, as behind a load balancer, so a test chooses each client's address
 * with X-Forwarded-For. Demo mode only so SMS codes come back in the answer (no SMS provider).
 */
export async function startCluster(opts: { appUrl: string; apps: number; workers: number; env?: Record<string, string> }): Promise<Cluster> {
  if (!existsSync(STANDALONE_SERVER)) throw new Error(`${STANDALONE_SERVER} is missing: run a production build (npx tsx scripts/build-if-stale.ts)`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tuihuanhuo-cluster-data-"));
  const env: Record<string, string> = {
    DATABASE_URL: opts.appUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    DATA_DIR: dataDir,
    TRUST_PROXY_HOPS: "1",
    DEMO_MODE: "1",
    ALLOW_DEMO_IN_PRODUCTION: "i-understand",
    METRICS_TOKEN: CLUSTER_METRICS_TOKEN,
    // Webhook secrets are sealed with this (the tests seal theirs with the same key).
    TOTP_ENCRYPTION_KEY: CLUSTER_SECRET_KEY,
    LOG_LEVEL: "info",
    WORKER_POLL_SECONDS: "0.5",
    WORKER_RECONCILE_MS: "60000",
    ...opts.env,
  };
  const apps: AppProcess[] = [];
  const workers: WorkerProcess[] = [];
  const stop = async () => {
    await Promise.all([...apps.map((a) => a.kill()), ...workers.map((w) => w.kill())]);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // One at a time: two Next servers loading at once on a 2-core machine only slow each other.
    for (let i = 0; i < opts.apps; i++) apps.push(await startAppProcess(env, await freePort()));
    for (let i = 0; i < opts.workers; i++) workers.push(startWorkerProcess(env));
  } catch (e) {
    await stop();
    throw e;
  }
  return { apps, workers, env, stop };
}
