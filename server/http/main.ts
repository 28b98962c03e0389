import { env } from "../env";
import { clientAddressPolicy, EdgeConfigError } from "./edge-config";
import { closeGracefully, createEdgeServer } from "./edge-server";

/**
 * The app's HTTP server: Next's production request handler behind the edge server that decides
 * the client's address (docs/decisions/015). Started by scripts/serve.ts (`npm start`, the e2e
 * server); `next build` must have run. Refuses to start, with one sentence, when production has
 * not declared how clients reach it.
 */
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
const app = next({ dev: false, dir: process.cwd(), port: config.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const server = createEdgeServer(handle, policy);
server.listen(config.PORT, () => {
  const how = policy.trustProxyHops === 0 ? "client address = connection peer" : `client address from ${policy.trustProxyHops} trusted proxy hop(s)`;
  console.log(`> Ready on port ${config.PORT} (${how})`);
});

let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  console.log(`> ${signal}: closing`);
  await closeGracefully(server);
  await app.close();
  process.exit(0);
}
process.on("SIGINT", (s) => void stop(s));
process.on("SIGTERM", (s) => void stop(s));
