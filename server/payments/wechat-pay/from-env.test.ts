import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { envFrom } from "../../env";
import { wechatPayFromEnv, wechatPayProductionRefusals, wechatPaySetupProblems } from "./from-env";

const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
const oneLine = (pem: string) => pem.trim().replace(/\n/g, "\\n");
const WECHAT = {
  WECHATPAY_MCHID: "1900000109",
  WECHATPAY_MERCHANT_SERIAL: "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
  WECHATPAY_PRIVATE_KEY: oneLine(pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString()),
  WECHATPAY_PLATFORM_PUBLIC_KEY: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
  WECHATPAY_PLATFORM_KEY_ID: "PUB_KEY_ID_0119000001092026112900000000000001",
  WECHATPAY_APIV3_KEY: "0123456789abcdefghijklmnopqrstuv",
};

describe("WeChat Pay configuration", () => {
  it("is off when WECHATPAY_MCHID is unset", () => {
    expect(wechatPayFromEnv(envFrom({}))).toBeUndefined();
    expect(wechatPayProductionRefusals(envFrom({ NODE_ENV: "production" }))).toEqual([]);
  });

  it("builds the adapter from the six credentials (keys as PEM text, line breaks written as \\n or real)", () => {
    const e = envFrom(WECHAT);
    expect(e.WECHATPAY_BASE_URL).toBe("https://api.mch.weixin.qq.com");
    expect(wechatPayFromEnv(e)?.channel).toBe("wechat_pay");
  });

  it("refuses half a configuration, naming what is missing, in any environment", () => {
    const { WECHATPAY_APIV3_KEY: _k, WECHATPAY_PLATFORM_KEY_ID: _id, ...half } = WECHAT;
    expect(wechatPaySetupProblems(envFrom(half))).toEqual([expect.stringMatching(/^Refusing to start: WeChat Pay is half configured: set WECHATPAY_PLATFORM_KEY_ID, WECHATPAY_APIV3_KEY too/)]);
    const { WECHATPAY_MCHID: _m, ...noMerchant } = WECHAT;
    expect(wechatPaySetupProblems(envFrom(noMerchant))).toEqual([expect.stringContaining("set WECHATPAY_MCHID too")]);
    expect(wechatPaySetupProblems(envFrom(WECHAT))).toEqual([]);
    expect(wechatPaySetupProblems(envFrom({}))).toEqual([]);
  });

  it("refuses an APIv3 key that is not 32 bytes and a private key that is not PEM", () => {
    expect(() => envFrom({ ...WECHAT, WECHATPAY_APIV3_KEY: "short" })).toThrow(/exactly 32 bytes/);
    expect(() => envFrom({ ...WECHAT, WECHATPAY_PRIVATE_KEY: "not a key" })).toThrow(/PEM private key/);
  });

  it("names the variable when a PEM does not parse", () => {
    const e = envFrom({ ...WECHAT, WECHATPAY_PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----\\ngarbage\\n-----END PRIVATE KEY-----" });
    expect(() => wechatPayFromEnv(e)).toThrow(/WECHATPAY_PRIVATE_KEY is not a readable PEM key/);
    expect(wechatPaySetupProblems(e)).toEqual([expect.stringContaining("WECHATPAY_PRIVATE_KEY is not a readable PEM key")]);
  });

  it.each(["http://127.0.0.1:4020", "https://localhost:8443", "http://api.mch.weixin.qq.com", "https://[::1]:9000", "https://sandbox.local"])(
    "a production server refuses WECHATPAY_BASE_URL=%s in one sentence that says what to set",
    (url) => {
      const refusals = wechatPayProductionRefusals(envFrom({ ...WECHAT, NODE_ENV: "production", WECHATPAY_BASE_URL: url }));
      expect(refusals).toEqual([expect.stringMatching(/^Refusing to start: WECHATPAY_BASE_URL=.*https:\/\/api\.mch\.weixin\.qq\.com is the default/)]);
    },
  );

  it("accepts WeChat's https hosts", () => {
    for (const url of ["https://api.mch.weixin.qq.com", "https://api2.mch.weixin.qq.com"]) {
      expect(wechatPayProductionRefusals(envFrom({ ...WECHAT, NODE_ENV: "production", WECHATPAY_BASE_URL: url }))).toEqual([]);
    }
  });
});
