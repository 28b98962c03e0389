import { z } from "zod";

/**
 * Zod compiles a faster object parser with `new Function` where eval is allowed, and probes for
 * it when an object schema is built. Under the pages' Content-Security-Policy (no 'unsafe-eval',
 * docs/decisions/016) that probe is a CSP violation in every staff browser's console. Jitless
 * skips probe and compiler; parsing is the same. Imported first by fields.ts, which every schema
 * file imports, so it runs before any object schema exists.
 */
z.config({ jitless: true });
