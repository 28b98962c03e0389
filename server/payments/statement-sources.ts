import type { GatewayRegistry } from "./registry";
import type { GatewayChannel, RefundGateway } from "./refund-gateway";

/** Where the statement for a gateway channel comes from: the configured gateway, or none. */
export type StatementSource = (channel: GatewayChannel) => Pick<RefundGateway, "statement"> | undefined;

/**
 * The statements of the gateways refunds are paid through. A channel without a configured
 * gateway has none, and the reconciliation says "not configured" rather than reporting every
 * refund as missing at the gateway.
 */
export function statementsOf(gateways: GatewayRegistry): StatementSource {
  return (channel) => gateways.get(channel);
}
