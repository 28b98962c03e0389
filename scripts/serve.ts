import { spawn } from "node:child_process";
import path from "node:path";

const EDGE_MAIN = path.join("server", "http", "main.ts");

/**
 * Runs the app's HTTP server (server/http/main.ts: Next behind the client-address edge) on the
 * production build and resolves with its exit code; Ctrl-C and SIGTERM are passed on so it can
 * finish requests in flight. Replaces `next start`, which believes a client's X-Forwarded-For.
 */
export function runAppServer({ port, env }: { port: string | number; env: NodeJS.ProcessEnv }): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", EDGE_MAIN], { env: { ...env, PORT: String(port) }, stdio: "inherit" });
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
