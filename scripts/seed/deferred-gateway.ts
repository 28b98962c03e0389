import type { RefundGateway, RefundOrder, RefundOutcome } from "../../server/payments/gateway";
import { SimulatedGateway } from "../../server/payments/simulated-gateway";

/**
 * A gateway that accepts every refund and answers later, as Alipay and WeChat Pay do with their
 * asynchronous notifications. payOutRefund records nothing for a pending answer, so the seed
 * delivers the notification itself with the time it wants in the history, and a request whose
 * notification never comes stays in `refunding`.
 */
export class DeferredGateway implements RefundGateway {
  private readonly sent = new Map<string, RefundOrder>();
  last: RefundOrder | undefined;

  constructor(private readonly bank: SimulatedGateway) {}

  handles(): boolean {
    return true;
  }

  async refund(order: RefundOrder): Promise<RefundOutcome> {
    this.sent.set(order.outRefundNo, order);
    this.last = order;
    return { status: "pending" };
  }

  /** The gateway's final answer for a refund it accepted: paid once per refund number. */
  async settle(outRefundNo: string): Promise<string> {
    const order = this.sent.get(outRefundNo);
    if (!order) throw new Error(`no refund ${outRefundNo} was sent`);
    const outcome = await this.bank.refund(order);
    if (outcome.status !== "succeeded") throw new Error(`simulated gateway answered ${outcome.status}`);
    return outcome.gatewayRefundId;
  }
}
