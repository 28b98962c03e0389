import { startSandboxes } from "./demo-sandboxes";
import { prepare } from "./prepare";
import { runNext } from "./run-next";

// `npm run dev`: development runs the demo — demo data in an empty database, sandboxes and
// DEMO_MODE=1 — then `next dev` (NODE_ENV=development, so no production override is involved).
const prepared = await prepare({ demo: true });
const sandboxes = await startSandboxes(prepared.env);
const port = process.env.PORT ?? "3000";
const code = await runNext(["dev", "-p", port], { ...sandboxes.env, AUTH_URL: sandboxes.env.AUTH_URL ?? `http://localhost:${port}` });
await sandboxes.stop();
await prepared.stop();
process.exit(code);
