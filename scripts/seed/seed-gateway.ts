import type { GatewayChannel, RefundGateway } from "../../server/payments/refund-gateway";

/**
 * Stands for a configured gateway while the seed files its history: the refund step only asks
 * whether the order's gateway is there. It is never called — the seed records the gateways'
 * answers itself at the planned times, and the refunds it leaves unanswered are paid by the
 * demo's worker through the sandbox.
 */
export function seedGateway(channel: GatewayChannel): RefundGateway {
  const never = () => {
    throw new Error("seed: the seed's gateway stand-in is never called");
  };
  return { channel, start: never, query: never, parseNotification: never, statement: never };
}
