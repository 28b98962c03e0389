/**
 * A real shop does not start without an SMS provider: the rule (smsStartupProblem) and the start
 * itself (instrumentation.ts's register() in a fresh process under NODE_ENV=production).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Env } from "../../env";
import { smsStartupProblem } from "../config-check";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const base = { NODE_ENV: "production", DEMO_MODE: "0", SMS_PROVIDER: "none" } as Env;
const aliyun = {
  SMS_PROVIDER: "aliyun",
  ALIYUN_ACCESS_KEY_ID: "LTAI5t-example",
  ALIYUN_ACCESS_KEY_SECRET: "secret",
  ALIYUN_SMS_SIGN_NAME: "退换货",
  ALIYUN_SMS_TEMPLATE_CODE: "SMS_123456789",
} as const;

describe("the SMS start-up check", () => {
  it("refuses production without a provider, with the sandbox, or with an incomplete Aliyun set-up", () => {
    expect(smsStartupProblem(base)).toMatch(/No SMS provider is configured/);
    expect(smsStartupProblem({ ...base, ...aliyun, SMS_PROVIDER: "sandbox", ALIYUN_SMS_ENDPOINT: "http://127.0.0.1:4010" })).toMatch(/sandbox.*refused in production/);
    expect(smsStartupProblem({ ...base, ...aliyun, ALIYUN_SMS_TEMPLATE_CODE: undefined })).toMatch(/needs ALIYUN_SMS_TEMPLATE_CODE/);
  });

  it("accepts production with Aliyun configured, and the demo or development without a provider", () => {
    expect(smsStartupProblem({ ...base, ...aliyun })).toBeNull();
    expect(smsStartupProblem({ ...base, DEMO_MODE: "1" })).toBeNull();
    expect(smsStartupProblem({ ...base, NODE_ENV: "development" })).toBeNull();
  });

  it("a production server process without a provider exits at start with one clear sentence", () => {
    const run = (extra: Record<string, string>) =>
      spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["-e", "import('./instrumentation.ts').then((m) => m.register()).then(() => console.log('STARTED'))"], {
        cwd: ROOT,
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", NEXT_RUNTIME: "nodejs", NODE_ENV: "production", ...extra },
        timeout: 60_000,
      });
    const refused = run({});
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/No SMS provider is configured/);
    expect(refused.stdout).not.toContain("STARTED");
    // With the provider configured it gets past this check (and stops at the next: no DATABASE_URL here).
    const configured = run({ ...aliyun });
    expect(configured.stderr).not.toMatch(/SMS/);
    expect(configured.stderr).toMatch(/DATABASE_URL is not set/);
  }, 150_000);
});
