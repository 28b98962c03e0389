import { prepare } from "./prepare";
import { runNext } from "./run-next";

// `npm run dev`: the same database preparation as `npm start`, then `next dev`.
const { env, stop } = await prepare({ seed: true });
const port = process.env.PORT ?? "3000";
const code = await runNext(["dev", "-p", port], { ...env, AUTH_URL: env.AUTH_URL ?? `http://localhost:${port}` });
await stop();
process.exit(code);
