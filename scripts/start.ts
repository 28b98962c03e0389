import { count } from "drizzle-orm";
import { createDb } from "../db/client";
import { staffUsers } from "../db/schema";
import { prepareShop } from "./prepare";
import { build, buildIsStale } from "./run-next";
import { runAppServer } from "./serve";
import { startDeadlineWorker } from "./worker";

// `npm start`: a real shop — database + migrations, a production build when sources changed,
// then the app server (server/http/main.ts). No demo data, no demo accounts, no demo mode (that is `npm run demo`).
const port = process.env.PORT ?? "3000";
const { env, stop } = await prepareShop();
await sayHowToCreateTheFirstAdmin(env.DATABASE_URL!);
const appEnv = { ...env, AUTH_URL: env.AUTH_URL ?? `http://localhost:${port}` };
let code = 0;
if (buildIsStale()) code = await build(appEnv);
if (code === 0) {
  const stopWorker = startDeadlineWorker(env.DATABASE_URL!, 60_000, appEnv);
  process.on("exit", () => void stopWorker());
  console.log(`\n退换货 is starting on http://localhost:${port} (staff sign-in: /login, customer H5: /)\n`);
  code = await runAppServer({ port, env: appEnv });
}
await stop();
process.exit(code);

/** A new shop has nobody who can sign in: point at the command that makes the first store manager. */
async function sayHowToCreateTheFirstAdmin(url: string) {
  const { db, sql } = createDb(url, { max: 1 });
  try {
    const [row] = await db.select({ n: count() }).from(staffUsers);
    if ((row?.n ?? 0) === 0) {
      console.log('\nNo staff accounts yet. Create the store manager: npm run admin:create -- --email you@example.com --name "Your Name"');
      console.log("(For a demo with sample data and demo accounts, run `npm run demo` instead.)\n");
    }
  } finally {
    await sql.end();
  }
}
