/**
 * A production server's start with WeChat Pay pointed at the sandbox, run in a process of its own
 * exactly as `next start` runs the checks (instrumentation.ts): refused, in one sentence that says
 * what to set; the same credentials against WeChat's https host start.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnWechatPaySandbox, type SpawnedWechatPaySandbox } from "../../../scripts/sandboxes/spawn-wechat-pay";
import { createTestDatabase } from "../../test/db";

const { appUrl } = await createTestDatabase();
const ROOT = path.resolve(import.meta.dirname, "../../..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const ALIYUN = { SMS_PROVIDER: "aliyun", ALIYUN_ACCESS_KEY_ID: "LTAI-test", ALIYUN_ACCESS_KEY_SECRET: "test-secret", ALIYUN_SMS_SIGN_NAME: "退换货", ALIYUN_SMS_TEMPLATE_CODE: "SMS_0000001" };

function startChecks(vars: Record<string, string>): Promise<{ code: number; out: string }> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_RUNTIME: "nodejs", NODE_ENV: "production" as const, DATABASE_URL: appUrl, ...ALIYUN, ...vars };
  const script = "import('./instrumentation.ts').then((m) => m.register()).then(() => console.log('checks passed'))";
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, "--eval", script], { cwd: ROOT, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

let sandbox: SpawnedWechatPaySandbox;
beforeAll(async () => {
  sandbox = await spawnWechatPaySandbox();
}, 30_000);
afterAll(() => sandbox?.stop());

describe("a production server with WeChat Pay", () => {
  it("refuses to start against the sandbox (a loopback, plain-http WECHATPAY_BASE_URL)", async () => {
    const r = await startChecks(sandbox.env);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Refusing to start: WECHATPAY_BASE_URL=${sandbox.env.WECHATPAY_BASE_URL}`);
    expect(r.out).not.toContain("checks passed");
  });

  it("starts with the same credentials against WeChat's own https host", async () => {
    const { WECHATPAY_BASE_URL: _sandboxUrl, ...credentials } = sandbox.env;
    const r = await startChecks(credentials);
    expect(r.out).toContain("checks passed");
  });

  it("refuses half a configuration before anything else, naming the missing variables", async () => {
    const r = await startChecks({ WECHATPAY_MCHID: sandbox.env.WECHATPAY_MCHID! });
    expect(r.code).toBe(1);
    expect(r.out).toContain("WeChat Pay is half configured");
  });
});
