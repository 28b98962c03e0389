import { build, buildIsStale } from "./run-next";

/**
 * `npm run test:e2e` builds here, before Playwright starts its web server, so the server's start-up
 * wait covers starting only; a 2-core machine can spend minutes in `next build`. The e2e server
 * still builds when it finds the build stale (a run of `playwright test` on its own).
 */
if (buildIsStale()) {
  const started = Date.now();
  const code = await build(process.env);
  console.log(`next build: exit ${code} after ${Math.round((Date.now() - started) / 1000)} s`);
  process.exit(code);
}
console.log("next build: the production build is current");
