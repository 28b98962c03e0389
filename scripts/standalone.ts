import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const STANDALONE = path.join(".next", "standalone");

/** The standalone server's entry, run with `node` (scripts/standalone-server.ts bundled). */
export const STANDALONE_SERVER = path.join(STANDALONE, "app-server.mjs");

/**
 * Completes Next's standalone output (`output: "standalone"`) into a folder that runs on its own:
 * the static assets and public/ (Next leaves copying them to the deployer), and the app's HTTP
 * server — Next behind the edge server (server/http/app-server.ts) — bundled into one ES module
 * with esbuild. Packages Next already traced into the folder's node_modules stay external (next
 * itself, pino); the rest (zod, the edge code) is inlined. Run after every `next build` (run-next.ts).
 */
export async function finishStandalone(): Promise<void> {
  if (!existsSync(STANDALONE)) throw new Error(`${STANDALONE} is missing: next.config.ts must keep output: "standalone"`);
  for (const [from, to] of [
    [path.join(".next", "static"), path.join(STANDALONE, ".next", "static")],
    ["public", path.join(STANDALONE, "public")],
  ] as const) {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  }
  await build({
    entryPoints: [path.join("scripts", "standalone-server.ts")],
    outfile: STANDALONE_SERVER,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["next", "next/*", "pino"],
    // Bundled CommonJS (zod's dependencies, if any) may call require(): give the ES module one.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    logLevel: "warning",
  });
}
