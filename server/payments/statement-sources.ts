import { env } from "../env";
import { alipayFromEnv } from "./alipay/from-env";
import type { GatewayChannel, RefundGateway } from "./refund-gateway";
import { wechatPayFromEnv } from "./wechat-pay/from-env";

/** Where the statement for a gateway channel comes from: the configured gateway, or none. */
export type StatementSource = (channel: GatewayChannel) => Pick<RefundGateway, "statement"> | undefined;

// One per process, built on first use (env is read at runtime, not at build).
let gateways: Partial<Record<GatewayChannel, RefundGateway | undefined>> | undefined;

/**
 * The configured gateways' statements, from the adapters' env factories. A channel without a
 * configured gateway has none, and the reconciliation says "not configured" rather than reporting
 * every refund as missing at the gateway. (When the refund flow's gateway registry lands, this
 * becomes a lookup in it.)
 */
export function configuredStatements(): StatementSource {
  gateways ??= { alipay: alipayFromEnv(env()), wechat_pay: wechatPayFromEnv(env()) };
  const known = gateways;
  return (channel) => known[channel];
}
