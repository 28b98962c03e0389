import type { Env } from "../../env";
import type { RefundStart } from "../refund-gateway";
import { wechatPayFromEnv } from "./from-env";

/** The adapter built from the sandbox's env lines the way the app builds it (plus a short timeout). */
export function adapterFor(sandboxEnv: Record<string, string>, over: Partial<Record<string, string | number>> = {}) {
  const e = { WECHATPAY_TIMEOUT_MS: 1500, ...sandboxEnv, ...over } as unknown as Env;
  const gateway = wechatPayFromEnv(e);
  if (!gateway) throw new Error("the sandbox env did not configure WeChat Pay");
  return gateway;
}

let n = 0;
/** A refund for a fresh order (numbers unique per test run). */
export function refundFor(over: Partial<RefundStart> = {}): RefundStart {
  n += 1;
  const tag = `${Date.now().toString(36)}${n}`;
  return {
    outRefundNo: `RFRMA${tag}-1`,
    orderNo: `SO${tag}`,
    gatewayTxnId: null,
    amountFen: 1990,
    totalPaidFen: 5000,
    reason: "退货退款",
    notifyUrl: "http://127.0.0.1:9/api/payments/wechat-pay/notify",
    ...over,
  };
}
