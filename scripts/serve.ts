import path from "node:path";
import { runChild } from "./run-next";

const EDGE_MAIN = path.join("server", "http", "main.ts");

/**
 * Runs the app's HTTP server (server/http/main.ts: Next behind the client-address edge) on the
 * production build and resolves with its exit code; Ctrl-C and SIGTERM are passed on so it can
 * finish requests in flight. Replaces `next start`, which believes a client's X-Forwarded-For.
 */
export function runAppServer({ port, env }: { port: string | number; env: NodeJS.ProcessEnv }): Promise<number> {
  return runChild(["--import", "tsx", EDGE_MAIN], { ...env, PORT: String(port) });
}
