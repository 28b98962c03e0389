import { build } from "./run-next";

/** `npm run build`: `next build` and the standalone server beside it (.next/standalone/app-server.mjs). */
process.exit(await build(process.env));
