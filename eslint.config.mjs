import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Architecture walls: which folders may not import which. Matched on the resolved file, so
 * "@/db/…", "../../db/…" and re-exports all count. server/lint-walls.test.ts proves each one fires.
 */
const WALLS = [
  {
    target: "./server/domain",
    from: ["./db", "./server/db.ts", "./server/api", "./server/services", "./server/auth", "./server/env.ts", "./app", "./components", "./scripts"],
    message: "server/domain is plain TypeScript: rules only, no database, framework or app code (pass data in).",
  },
  {
    target: "./components",
    from: ["./db", "./server/db.ts", "./server/services", "./server/auth", "./scripts"],
    message: "Components get data as props or through tRPC; types come from inferRouterOutputs<AppRouter> (server/api/root).",
  },
  {
    target: ["./app/(customer)", "./components/h5"],
    from: "./components/staff",
    message: "Customer (H5) code never imports staff components: move shared views to components/request-views or components/ui.",
  },
  {
    target: "./components/labels",
    from: ["./components/staff", "./components/h5"],
    message: "The return slip is shared by the customer's and the staff's pages (decision 027): it imports from neither side.",
  },
  {
    target: ["./app", "./server"],
    from: "./scripts",
    message: "scripts/ runs outside the app (seed, bench, worker); move what the app needs into server/.",
  },
];

// Packages server/domain must not import: it stays runnable and testable without any of them.
const DOMAIN_PACKAGES = ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*", "@trpc/*", "drizzle-orm", "drizzle-orm/*", "postgres", "server-only"];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-properties": ["error", { object: "test", property: "only" }, { object: "it", property: "only" }, { object: "describe", property: "only" }],
    },
  },
  {
    // The env module is the one reader of process.env in app code (scripts and configs run outside the app).
    files: ["app/**", "components/**", "server/**"],
    ignores: ["server/env.ts", "server/test/**", "**/*.test.ts"],
    rules: { "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through server/env.ts" }] },
  },
  {
    rules: { "import/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones: WALLS }] },
  },
  {
    // Tests may reach across (e.g. the seed test runs scripts/seed against a real database).
    files: ["**/*.test.ts", "**/*.test.tsx", "server/test/**"],
    rules: { "import/no-restricted-paths": "off" },
  },
  {
    files: ["server/domain/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: DOMAIN_PACKAGES, message: "server/domain is plain TypeScript: no framework, database or API packages." }] }],
    },
  },
  { ignores: [".next/**", "node_modules/**", ".data/**", "db/migrations/**", "playwright-report/**", "test-results/**", "next-env.d.ts"] },
];
export default config;
