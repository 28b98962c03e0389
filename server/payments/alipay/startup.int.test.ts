/**
 * The server's start with Alipay settings, run in a process of its own as `next start` runs its
 * checks (instrumentation.ts): a production server refuses the sandbox's (loopback, plain-http)
 * gateway but the demo override allows it; a partial set-up stops any start with what is missing.
 */
import { execFile } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db";
import { oneLineKey } from "./keys";

const { appUrl } = await createTestDatabase();
const ROOT = path.resolve(import.meta.dirname, "../../..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

const SHOP = {
  SMS_PROVIDER: "aliyun",
  ALIYUN_ACCESS_KEY_ID: "LTAI-test",
  ALIYUN_ACCESS_KEY_SECRET: "test-secret",
  ALIYUN_SMS_SIGN_NAME: "退换货",
  ALIYUN_SMS_TEMPLATE_CODE: "SMS_0000001",
};
const ALIPAY = {
  ALIPAY_APP_ID: "2021000122671080",
  ALIPAY_PRIVATE_KEY: oneLineKey(generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey),
  ALIPAY_PUBLIC_KEY: oneLineKey(generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey),
};

function startChecks(vars: Record<string, string> & { NODE_ENV: "production" | "development" }): Promise<{ code: number; out: string }> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_RUNTIME: "nodejs", DATABASE_URL: appUrl, ...vars };
  const script = "import('./instrumentation.ts').then((m) => m.register()).then(() => console.log('checks passed'))";
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, "--eval", script], { cwd: ROOT, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

describe("starting with Alipay configured", { timeout: 90_000 }, () => {
  it("a production shop with Alipay's own gateway starts", async () => {
    const r = await startChecks({ NODE_ENV: "production", ...SHOP, ...ALIPAY });
    expect(r.out).toContain("checks passed");
  });

  it("a production shop pointed at the sandbox's loopback gateway is refused, saying what to set", async () => {
    const r = await startChecks({ NODE_ENV: "production", ...SHOP, ...ALIPAY, ALIPAY_GATEWAY_URL: "http://127.0.0.1:4020/gateway.do" });
    expect(r.code).toBe(1);
    expect(r.out).toContain("Refusing to start: ALIPAY_GATEWAY_URL=http://127.0.0.1:4020/gateway.do");
    expect(r.out).not.toContain("checks passed");
  });

  it("the demo (production server with the override) may use the sandbox", async () => {
    const r = await startChecks({ NODE_ENV: "production", DEMO_MODE: "1", ALLOW_DEMO_IN_PRODUCTION: "i-understand", ...ALIPAY, ALIPAY_GATEWAY_URL: "http://127.0.0.1:4020/gateway.do" });
    expect(r.out).toContain("checks passed");
  });

  it("a partial Alipay set-up stops even a development start, naming the missing variables", async () => {
    const r = await startChecks({ NODE_ENV: "development", ALIPAY_APP_ID: ALIPAY.ALIPAY_APP_ID });
    expect(r.code).toBe(1);
    expect(r.out).toContain("Alipay is partly configured");
    expect(r.out).toContain("ALIPAY_PRIVATE_KEY, ALIPAY_PUBLIC_KEY");
  });
});
