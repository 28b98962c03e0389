import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientAddressPolicy, EdgeConfigError } from "./edge-config";

describe("client address policy", () => {
  it("production without TRUST_PROXY_HOPS is refused with what to set", () => {
    expect(() => clientAddressPolicy({ NODE_ENV: "production" })).toThrow(EdgeConfigError);
    expect(() => clientAddressPolicy({ NODE_ENV: "production" })).toThrow(/TRUST_PROXY_HOPS: 0 when browsers connect to this server directly/);
  });

  it("production with either declaration starts", () => {
    expect(clientAddressPolicy({ NODE_ENV: "production", TRUST_PROXY_HOPS: 0 })).toEqual({ trustProxyHops: 0 });
    expect(clientAddressPolicy({ NODE_ENV: "production", TRUST_PROXY_HOPS: 1 })).toEqual({ trustProxyHops: 1 });
  });

  it("development and tests default to no proxy", () => {
    expect(clientAddressPolicy({ NODE_ENV: "development" })).toEqual({ trustProxyHops: 0 });
  });

  it("the retired TRUST_PROXY=1 is refused rather than silently ignored", () => {
    expect(() => clientAddressPolicy({ NODE_ENV: "development", TRUST_PROXY: "1" })).toThrow(/TRUST_PROXY_HOPS/);
  });
});

describe("the app server process (server/http/main.ts)", () => {
  it("exits with one sentence, before loading Next, when production has not declared TRUST_PROXY_HOPS", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", PORT: "1" };
    const run = spawnSync(process.execPath, ["--import", "tsx", path.join("server", "http", "main.ts")], { cwd: root, env, encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("NODE_ENV=production needs TRUST_PROXY_HOPS");
    expect(run.stdout).not.toContain("Ready");
  }, 60_000);
});
