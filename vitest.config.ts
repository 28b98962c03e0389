import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["server/**/*.test.ts", "components/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.long.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["server/**/*.int.test.ts", "db/**/*.int.test.ts", "app/**/*.int.test.ts"],
          environment: "node",
          // One embedded PostgreSQL for the run; every test file gets its own database cloned from a migrated template.
          globalSetup: ["./server/test/global-setup.ts"],
          // One file at a time (the default on 2 cores): tried two, and the run was not faster — the files
          // load their modules on the CPU, and 2 cores are busy either way.
          // Generous: a test that starts processes (the demo, the gateways' start-up checks) waits on a
          // loaded machine. Nothing here measures speed.
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // `npm run test:long` only (npm test does not run it): the database killed several times under a heavier
          // load; the refunds' exactly-once matrix at full size. The refund matrix clones the migrated template too.
          name: "long",
          include: ["server/**/*.long.test.ts"],
          environment: "node",
          globalSetup: ["./server/test/global-setup.ts"],
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
