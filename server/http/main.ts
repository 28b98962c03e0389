import { startAppServer } from "./app-server";

/**
 * The app's HTTP server on the project's production build (server/http/app-server.ts). Started
 * by scripts/serve.ts (`npm start`, `npm run demo`, the e2e server); `next build` must have run.
 * The standalone build starts the same server with plain `node .next/standalone/app-server.mjs`.
 */
await startAppServer({ dir: process.cwd() });
