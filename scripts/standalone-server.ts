import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";
import { startAppServer } from "../server/http/app-server";

/**
 * The production server of the standalone build: bundled by scripts/standalone.ts into
 * .next/standalone/app-server.mjs and started with plain `node` (no tsx, no TypeScript, no
 * project node_modules — only what Next traced into the standalone folder). Does what Next's
 * own standalone server.js does before starting: production mode, the folder as working
 * directory, and the configuration saved at build time (next.config.ts is not in the folder).
 */
const dir = path.dirname(fileURLToPath(import.meta.url));
// A relative DATA_DIR means the folder the operator started in, not the standalone folder.
if (process.env.DATA_DIR && !path.isAbsolute(process.env.DATA_DIR)) process.env.DATA_DIR = path.resolve(process.env.DATA_DIR);
(process.env as Record<string, string>).NODE_ENV = "production";
process.chdir(dir);
const { config } = JSON.parse(readFileSync(path.join(dir, ".next", "required-server-files.json"), "utf8")) as { config: NextConfig };
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
await startAppServer({ dir, conf: config });
