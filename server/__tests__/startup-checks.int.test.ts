import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gatewayRegistry } from "../payments/registry";
import { env as parseEnv } from "../env";
import { createTestDatabase } from "../test/db";

/**
 * The start-up checks a Next server runs (instrumentation.ts register), run in a process of
 * their own exactly as `next start` runs them: a production server refuses demo mode without
 * the override, and a database role that could disable history's triggers.
 */
const { url: ownerUrl, appUrl } = await createTestDatabase();
const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

/** A real shop's SMS provider (the check only reads the configuration; nothing is sent). */
const ALIYUN = {
  SMS_PROVIDER: "aliyun",
  ALIYUN_ACCESS_KEY_ID: "LTAI-test",
  ALIYUN_ACCESS_KEY_SECRET: "test-secret",
  ALIYUN_SMS_SIGN_NAME: "退换货",
  ALIYUN_SMS_TEMPLATE_CODE: "SMS_0000001",
};

function startChecks(vars: Record<string, string> & { NODE_ENV: "production" }): Promise<{ code: number; out: string }> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_RUNTIME: "nodejs", ...vars };
  const script = "import('./instrumentation.ts').then((m) => m.register()).then(() => console.log('checks passed'))";
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, "--eval", script], { cwd: ROOT, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

describe("a production server's start", () => {
  it("is refused with DEMO_MODE=1 and no override, in one sentence that says what to do", async () => {
    const r = await startChecks({ NODE_ENV: "production", DEMO_MODE: "1", DATABASE_URL: appUrl });
    expect(r.code).toBe(1);
    expect(r.out).toContain("Refusing to start: DEMO_MODE=1");
    expect(r.out).toContain("npm run demo");
    expect(r.out).not.toContain("checks passed");
  });

  it("is refused when ALLOW_DEMO_IN_PRODUCTION is anything but the exact override", async () => {
    const r = await startChecks({ NODE_ENV: "production", DEMO_MODE: "1", ALLOW_DEMO_IN_PRODUCTION: "1", DATABASE_URL: appUrl });
    expect(r.code).toBe(1);
  });

  it("runs the demo with the override `npm run demo` sets, and a real shop without demo mode", async () => {
    const demo = await startChecks({ NODE_ENV: "production", DEMO_MODE: "1", ALLOW_DEMO_IN_PRODUCTION: "i-understand", DATABASE_URL: appUrl });
    expect(demo).toMatchObject({ code: 0 });
    expect(demo.out).toContain("checks passed");
    const shop = await startChecks({ NODE_ENV: "production", DATABASE_URL: appUrl, ...ALIYUN });
    expect(shop.out).toContain("checks passed");
  });

  it("is refused when DATABASE_URL signs in as the tables' owner", async () => {
    const r = await startChecks({ NODE_ENV: "production", DATABASE_URL: ownerUrl, ...ALIYUN });
    expect(r.code).toBe(1);
    expect(r.out).toContain("could switch off the append-only history");
  });
});

describe("the gateway registry", () => {
  it("has no gateway without the gateways' env: no method is paid online, nothing is simulated", () => {
    const registry = gatewayRegistry(parseEnv());
    expect(registry.channels).toEqual([]);
    for (const method of ["alipay", "wechat_pay", "unionpay", "platform"] as const) expect(registry.channelFor(method)).toBeNull();
  });
});
