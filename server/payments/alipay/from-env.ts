import type { Env } from "../../env";
import type { RefundGateway } from "../refund-gateway";
import { AlipayRefundGateway } from "./adapter";
import { parsePrivateKey, parsePublicKey } from "./keys";

type AlipayEnv = Pick<Env, "ALIPAY_APP_ID" | "ALIPAY_PRIVATE_KEY" | "ALIPAY_PUBLIC_KEY" | "ALIPAY_GATEWAY_URL" | "ALIPAY_TIMEOUT_MS">;

const REQUIRED = ["ALIPAY_APP_ID", "ALIPAY_PRIVATE_KEY", "ALIPAY_PUBLIC_KEY"] as const;

/** What stops the Alipay settings from working, in words for the operator (empty = ready or not configured). */
export function alipaySetupProblems(e: AlipayEnv): string[] {
  const set = REQUIRED.filter((k) => e[k]);
  if (set.length === 0) return [];
  if (set.length < REQUIRED.length) {
    const missing = REQUIRED.filter((k) => !e[k]);
    return [`Alipay is partly configured (${set.join(", ")} set): set ${missing.join(", ")} as well, or unset all ALIPAY_* variables to run without Alipay refunds.`];
  }
  const problems: string[] = [];
  try {
    if (parsePrivateKey(e.ALIPAY_PRIVATE_KEY!).asymmetricKeyType !== "rsa") throw new Error();
  } catch {
    problems.push("ALIPAY_PRIVATE_KEY is not an RSA private key: paste the application private key (PEM, or the one line Alipay's key tool prints).");
  }
  try {
    if (parsePublicKey(e.ALIPAY_PUBLIC_KEY!).asymmetricKeyType !== "rsa") throw new Error();
  } catch {
    problems.push("ALIPAY_PUBLIC_KEY is not an RSA public key: paste Alipay's public key from the open platform's key settings (not the application's own public key).");
  }
  return problems;
}

/** The Alipay refund gateway from validated env, or undefined when ALIPAY_APP_ID is unset (the start-up check reports a partial set-up). */
export function alipayFromEnv(config: AlipayEnv): RefundGateway | undefined {
  if (!config.ALIPAY_APP_ID || alipaySetupProblems(config).length > 0) return undefined;
  return new AlipayRefundGateway({
    appId: config.ALIPAY_APP_ID,
    privateKey: config.ALIPAY_PRIVATE_KEY!,
    alipayPublicKey: config.ALIPAY_PUBLIC_KEY!,
    gateway: config.ALIPAY_GATEWAY_URL,
    timeoutMs: config.ALIPAY_TIMEOUT_MS,
  });
}

/**
 * A production server pays through Alipay itself only: a loopback, private-network or plain-http
 * gateway URL is the sandbox (or a man in the middle). One sentence, what to set.
 */
export function alipayProductionRefusal(e: AlipayEnv): string | null {
  if (!e.ALIPAY_APP_ID) return null;
  if (isSafeGatewayUrl(e.ALIPAY_GATEWAY_URL)) return null;
  return `Refusing to start: ALIPAY_GATEWAY_URL=${e.ALIPAY_GATEWAY_URL} is not Alipay (a loopback/sandbox or non-https address would fake refunds); unset it for https://openapi.alipay.com/gateway.do.`;
}

export function isSafeGatewayUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== "https:") return false;
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || host === "::1" || host === "0.0.0.0" || host === "::") return false;
  if (/^127\./.test(host) || /^10\./.test(host) || /^192\.168\./.test(host) || /^172\.(1[6-9]|2\d|3[01])\./.test(host) || /^169\.254\./.test(host)) return false;
  if (/^(fc|fd|fe80)/.test(host) && host.includes(":")) return false;
  return true;
}
