import { startSandboxes } from "./demo-sandboxes";
import { prepare } from "./prepare";
import { runNext } from "./run-next";
import { startDeadlineWorker } from "./worker";

// `npm run dev`: development runs the demo — demo data in an empty database, sandboxes and
// DEMO_MODE=1 — then `next dev` (NODE_ENV=development, so no production override is involved).
const prepared = await prepare({ demo: true });
const sandboxes = await startSandboxes(prepared.env);
const port = process.env.PORT ?? "3000";
const devEnv = { ...sandboxes.env, AUTH_URL: sandboxes.env.AUTH_URL ?? `http://localhost:${port}` };
// The worker pays refunds through the sandboxes (and applies deadlines), as in the demo.
const stopWorker = startDeadlineWorker(prepared.env.DATABASE_URL!, 60_000, devEnv);
const code = await runNext(["dev", "-p", port], devEnv);
await stopWorker();
await sandboxes.stop();
await prepared.stop();
process.exit(code);
