import type { Env } from "../../env";
import type { RefundGateway } from "../refund-gateway";
import { WechatPayGateway } from "./gateway";
import { privateKeyFromEnv, publicKeyFromEnv } from "./signature";

/**
 * The WeChat Pay adapter from validated env (server/env.ts checks the formats and that the six
 * WECHATPAY_* credentials come all together), or undefined when WECHATPAY_MCHID is unset.
 * Throws, naming the variable, when a key does not parse: a server must not start half able to pay.
 */
export function wechatPayFromEnv(e: Env): RefundGateway | undefined {
  if (!e.WECHATPAY_MCHID) return undefined;
  const need = (name: "WECHATPAY_MERCHANT_SERIAL" | "WECHATPAY_PRIVATE_KEY" | "WECHATPAY_PLATFORM_PUBLIC_KEY" | "WECHATPAY_PLATFORM_KEY_ID" | "WECHATPAY_APIV3_KEY") => {
    const v = e[name];
    if (!v) throw new Error(`WECHATPAY_MCHID is set but ${name} is not.`);
    return v;
  };
  const key = <T>(name: string, parse: () => T): T => {
    try {
      return parse();
    } catch {
      throw new Error(`${name} is not a readable PEM key (PEM text; in a one-line env file write line breaks as \\n).`);
    }
  };
  return new WechatPayGateway({
    baseUrl: e.WECHATPAY_BASE_URL.replace(/\/+$/, ""),
    mchid: e.WECHATPAY_MCHID,
    merchantSerial: need("WECHATPAY_MERCHANT_SERIAL").toUpperCase(),
    merchantPrivateKey: key("WECHATPAY_PRIVATE_KEY", () => privateKeyFromEnv(need("WECHATPAY_PRIVATE_KEY"))),
    platformPublicKey: key("WECHATPAY_PLATFORM_PUBLIC_KEY", () => publicKeyFromEnv(need("WECHATPAY_PLATFORM_PUBLIC_KEY"))),
    platformKeyId: need("WECHATPAY_PLATFORM_KEY_ID"),
    apiV3Key: need("WECHATPAY_APIV3_KEY"),
    timeoutMs: e.WECHATPAY_TIMEOUT_MS,
  });
}

/**
 * Why a production server must not start with this WeChat Pay set-up (empty = fine): money must
 * never be "refunded" through the sandbox or over plain HTTP. Called from server/startup-checks.ts.
 */
export function wechatPayProductionRefusals(e: Env): string[] {
  if (!e.WECHATPAY_MCHID) return [];
  const refusals: string[] = [];
  let url: URL | null = null;
  try {
    url = new URL(e.WECHATPAY_BASE_URL);
  } catch {
    /* env.ts already refuses a non-URL */
  }
  if (!url || url.protocol !== "https:" || isLoopbackOrLocal(url.hostname)) {
    refusals.push(
      `Refusing to start: WECHATPAY_BASE_URL=${e.WECHATPAY_BASE_URL} is a sandbox or non-https address, so refunds would not reach WeChat Pay; unset it (https://api.mch.weixin.qq.com is the default) or point it at an https WeChat Pay host.`,
    );
  }
  try {
    wechatPayFromEnv(e);
  } catch (err) {
    refusals.push(`Refusing to start: ${(err as Error).message}`);
  }
  return refusals;
}

/** localhost, 127.0.0.0/8, ::1, 0.0.0.0, and names under .localhost / .local. */
export function isLoopbackOrLocal(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h.endsWith(".localhost") || h.endsWith(".local") || h === "::1" || h === "0.0.0.0" || h === "::" || /^127\.\d+\.\d+\.\d+$/.test(h) || h.startsWith("::ffff:127.");
}
