import type { GatewayChannel, RefundGateway } from "./refund-gateway";

/** Where the statement for a gateway channel comes from: the configured gateway, or none. */
export type StatementSource = (channel: GatewayChannel) => Pick<RefundGateway, "statement"> | undefined;

/**
 * The configured gateways' statements. Filled in from the adapters' env factories when they are
 * merged (alipayFromEnv / wechatPayFromEnv); a channel without a configured gateway has none, and
 * the reconciliation says "not configured" rather than reporting every refund as missing.
 */
export function configuredStatements(): StatementSource {
  return () => undefined;
}
