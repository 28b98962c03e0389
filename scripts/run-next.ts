import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { finishStandalone } from "./standalone";

const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

const STAMP = path.join(".next", "source-stamp");

/**
 * A production build, with its standalone server (scripts/standalone.ts). The stamp gets the
 * time the build *started*, so a source edited while it ran counts as newer than the build.
 */
export async function build(env: NodeJS.ProcessEnv): Promise<number> {
  const started = new Date();
  const code = await runNext(["build"], env);
  if (code === 0) {
    await finishStandalone();
    writeFileSync(STAMP, started.toISOString());
    utimesSync(STAMP, started, started);
  }
  return code;
}

/** Runs `next <args>` and resolves with its exit code; Ctrl-C and SIGTERM are passed on. */
export function runNext(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return runChild([NEXT_BIN, ...args], env);
}

/** Runs `node <args>` and resolves with its exit code, passing Ctrl-C and SIGTERM on to it. */
export function runChild(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env, stdio: "inherit" });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}

const SOURCES = ["app", "server", "db", "components", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs"];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), st.mtimeMs);
}

/** A production build is needed when there is none or a source file changed since it started. */
export function buildIsStale(): boolean {
  if (!existsSync(path.join(".next", "BUILD_ID")) || !existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}
