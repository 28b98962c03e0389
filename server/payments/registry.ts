import { AppError } from "../domain/errors";
import type { PaymentMethod } from "../domain/vocabulary";
import type { RefundGateway, RefundOrder, RefundOutcome } from "./gateway";
import { SimulatedGateway } from "./simulated-gateway";

/**
 * The gateways this server pays refunds through, one per payment method. A method with no
 * gateway is refunded offline by finance (or by the platform it was paid on) and never marked
 * paid by anyone else. The simulated gateway is registered in demo mode only, for every
 * method: a production server never pays through it (docs/decisions/012-demo-versus-production.md).
 * The real Alipay / WeChat Pay adapters register here when they exist.
 */
export class GatewayRegistry implements RefundGateway {
  constructor(private readonly gateways: ReadonlyMap<PaymentMethod, RefundGateway>) {}

  handles(method: PaymentMethod): boolean {
    return this.gateways.get(method)?.handles(method) ?? false;
  }

  /** Whether any method is paid by the simulator (the production start-up check refuses that). */
  get simulated(): boolean {
    return [...this.gateways.values()].some((g) => g instanceof SimulatedGateway);
  }

  async refund(order: RefundOrder): Promise<RefundOutcome> {
    const gateway = this.gateways.get(order.method);
    if (!gateway) throw new AppError("no_gateway_for_method", { method: order.method });
    return gateway.refund(order);
  }
}

/** The registry for this configuration: the simulator under demo mode, nothing else yet. */
export function gatewayRegistry(config: { DEMO_MODE: "0" | "1" }): GatewayRegistry {
  const gateways = new Map<PaymentMethod, RefundGateway>();
  if (config.DEMO_MODE === "1") {
    // One simulator for all methods: it remembers the refund numbers it paid, like a real gateway.
    const simulated = new SimulatedGateway();
    for (const method of ["alipay", "wechat_pay", "unionpay", "platform"] as const) gateways.set(method, simulated);
  }
  return new GatewayRegistry(gateways);
}
