import type { NextConfig } from "next";
import { env } from "../env";
import { loggerFor } from "../log/logger";
import { clientAddressPolicy, EdgeConfigError } from "./edge-config";
import { closeGracefully, createEdgeServer } from "./edge-server";

const serverLog = loggerFor("server");

/**
 * The app's HTTP server: Next's production request handler behind the edge server that decides
 * the client's address (docs/decisions/015) and gives every request its id. `dir` is the folder
 * holding the production build (`.next`): the project (server/http/main.ts, `npm start`) or the
 * standalone output (scripts/standalone-server.ts, bundled by scripts/standalone.ts), which
 * passes the configuration Next saved at build time. Refuses to start, with one sentence, when
 * production has not declared how clients reach it.
 */
export async function startAppServer({ dir, conf }: { dir: string; conf?: NextConfig }): Promise<void> {
  const config = env();
  let policy;
  try {
    policy = clientAddressPolicy(config);
  } catch (e) {
    if (!(e instanceof EdgeConfigError)) throw e;
    console.error(`\n${e.message}\n`);
    process.exit(1);
  }

  // Imported only now: a refused start should not pay for loading Next.
  const { default: next } = await import("next");
  const app = next({ dev: false, dir, port: config.PORT, ...(conf ? { conf } : {}) });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createEdgeServer(handle, policy);
  server.listen(config.PORT, () => {
    const how = policy.trustProxyHops === 0 ? "client address = connection peer" : `client address from ${policy.trustProxyHops} trusted proxy hop(s)`;
    serverLog.info({ port: config.PORT, trustProxyHops: policy.trustProxyHops }, `Ready on port ${config.PORT} (${how})`);
  });

  let stopping = false;
  async function stop(signal: NodeJS.Signals) {
    if (stopping) return;
    stopping = true;
    serverLog.info({ signal }, "closing");
    await closeGracefully(server);
    await app.close();
    process.exit(0);
  }
  process.on("SIGINT", (s) => void stop(s));
  process.on("SIGTERM", (s) => void stop(s));
}
