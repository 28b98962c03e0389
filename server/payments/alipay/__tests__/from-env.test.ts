import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AlipayRefundGateway } from "../adapter";
import { alipayFromEnv, alipayProductionRefusal, alipaySetupProblems, isSafeGatewayUrl } from "../from-env";
import { oneLineKey } from "../keys";

const merchant = generateKeyPairSync("rsa", { modulusLength: 2048 });
const alipay = generateKeyPairSync("rsa", { modulusLength: 2048 });
const FULL = {
  ALIPAY_APP_ID: "2021000122671080",
  ALIPAY_PRIVATE_KEY: oneLineKey(merchant.privateKey),
  ALIPAY_PUBLIC_KEY: oneLineKey(alipay.publicKey),
  ALIPAY_GATEWAY_URL: "https://openapi.alipay.com/gateway.do",
  ALIPAY_TIMEOUT_MS: 10_000,
};
const NONE = { ALIPAY_APP_ID: undefined, ALIPAY_PRIVATE_KEY: undefined, ALIPAY_PUBLIC_KEY: undefined, ALIPAY_GATEWAY_URL: FULL.ALIPAY_GATEWAY_URL, ALIPAY_TIMEOUT_MS: 10_000 };

describe("Alipay from env", () => {
  it("is off without ALIPAY_APP_ID, and on with the three settings", () => {
    expect(alipayFromEnv(NONE)).toBeUndefined();
    expect(alipaySetupProblems(NONE)).toEqual([]);
    expect(alipayFromEnv(FULL)).toBeInstanceOf(AlipayRefundGateway);
    expect(alipayFromEnv(FULL)?.channel).toBe("alipay");
  });

  it("takes keys as one-line base64 (PKCS#8 or PKCS#1), PEM, or PEM with \\n escapes", () => {
    const pkcs1 = merchant.privateKey.export({ format: "der", type: "pkcs1" }).toString("base64");
    const pem = merchant.privateKey.export({ format: "pem", type: "pkcs1" }).toString();
    const publicPem = alipay.publicKey.export({ format: "pem", type: "spki" }).toString();
    for (const key of [pkcs1, pem, pem.replaceAll("\n", "\\n")]) expect(alipaySetupProblems({ ...FULL, ALIPAY_PRIVATE_KEY: key })).toEqual([]);
    expect(alipaySetupProblems({ ...FULL, ALIPAY_PUBLIC_KEY: publicPem })).toEqual([]);
  });

  it("a partial set-up is one clear problem naming what is missing", () => {
    const problems = alipaySetupProblems({ ...NONE, ALIPAY_APP_ID: FULL.ALIPAY_APP_ID });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("ALIPAY_PRIVATE_KEY, ALIPAY_PUBLIC_KEY");
    expect(alipayFromEnv({ ...NONE, ALIPAY_APP_ID: FULL.ALIPAY_APP_ID })).toBeUndefined();
    expect(alipaySetupProblems({ ...NONE, ALIPAY_PUBLIC_KEY: FULL.ALIPAY_PUBLIC_KEY })[0]).toContain("ALIPAY_APP_ID");
  });

  it("keys that are not RSA keys are named", () => {
    expect(alipaySetupProblems({ ...FULL, ALIPAY_PRIVATE_KEY: "not a key" })[0]).toContain("ALIPAY_PRIVATE_KEY");
    expect(alipaySetupProblems({ ...FULL, ALIPAY_PUBLIC_KEY: FULL.ALIPAY_PRIVATE_KEY.slice(0, 40) })[0]).toContain("ALIPAY_PUBLIC_KEY");
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
    expect(alipaySetupProblems({ ...FULL, ALIPAY_PRIVATE_KEY: ec.privateKey.export({ format: "der", type: "pkcs8" }).toString("base64") })[0]).toContain(
      "ALIPAY_PRIVATE_KEY",
    );
  });

  it("production refuses a loopback, private or plain-http gateway, and accepts Alipay's", () => {
    for (const url of ["http://127.0.0.1:4020/gateway.do", "https://127.0.0.1/gateway.do", "https://localhost/gateway.do", "https://[::1]/gateway.do", "https://10.0.0.5/gateway.do", "https://192.168.1.2/gateway.do", "http://openapi.alipay.com/gateway.do"]) {
      expect(isSafeGatewayUrl(url)).toBe(false);
      expect(alipayProductionRefusal({ ...FULL, ALIPAY_GATEWAY_URL: url })).toMatch(/^Refusing to start: ALIPAY_GATEWAY_URL=/);
    }
    expect(isSafeGatewayUrl("https://openapi.alipay.com/gateway.do")).toBe(true);
    expect(alipayProductionRefusal(FULL)).toBeNull();
    expect(alipayProductionRefusal({ ...NONE, ALIPAY_GATEWAY_URL: "http://127.0.0.1/gateway.do" })).toBeNull();
  });
});
