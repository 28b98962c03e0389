import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
  { ignores: [".next/**", "node_modules/**", ".data/**", "db/migrations/**", "playwright-report/**", "test-results/**", "next-env.d.ts"] },
];
export default config;
