import { prepare } from "./prepare";
import { build, buildIsStale } from "./run-next";
import { runAppServer } from "./serve";
import { startDeadlineWorker } from "./worker";

// `npm start`: database + migrations + demo data, a production build when sources changed, then `next start`.
const port = process.env.PORT ?? "3000";
const { env, stop } = await prepare({ seed: true });
const appEnv = { ...env, AUTH_URL: env.AUTH_URL ?? `http://localhost:${port}` };
let code = 0;
if (buildIsStale()) code = await build(appEnv);
if (code === 0) {
  const stopWorker = startDeadlineWorker(env.DATABASE_URL!);
  process.on("exit", () => void stopWorker());
  console.log(`\n退换货 is starting on http://localhost:${port} (staff sign-in: /login, customer H5: /)\n`);
  code = await runAppServer({ port, env: appEnv });
}
await stop();
process.exit(code);
