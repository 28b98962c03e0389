import type { RefundGateway, RefundOrder, RefundOutcome } from "./gateway";

/**
 * The demo's gateway (demo mode and tests only; server/payments/registry.ts never registers it
 * otherwise). It behaves like a real one where it matters: the same outRefundNo never pays twice.
 */
export class SimulatedGateway implements RefundGateway {
  private readonly paid = new Map<string, RefundOutcome>();
  calls = 0;

  handles(): boolean {
    return true;
  }

  async refund(order: RefundOrder): Promise<RefundOutcome> {
    this.calls++;
    const earlier = this.paid.get(order.outRefundNo);
    if (earlier) return earlier;
    const outcome: RefundOutcome = { status: "succeeded", gatewayRefundId: `SIM${order.outRefundNo}` };
    this.paid.set(order.outRefundNo, outcome);
    return outcome;
  }

  /** Money paid out, counted once per outRefundNo. */
  get payouts(): number {
    return this.paid.size;
  }
}
