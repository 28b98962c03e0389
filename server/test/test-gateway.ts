import type { GatewayAnswer, GatewayChannel, IncomingNotification, ParsedNotification, RefundGateway, RefundLookup, RefundStart, StatementLine } from "../payments/refund-gateway";

/**
 * An in-test double of a gateway, for the refund flow's mechanics (recording, numbers,
 * reservations): it pays each refund number at most once, like a real gateway, and answers what
 * the test scripts. The protocol itself is tested against the sandbox processes.
 */
export class TestGateway implements RefundGateway {
  /** Money paid, per refund number. */
  readonly paid = new Map<string, number>();
  readonly starts: RefundStart[] = [];
  readonly queries: RefundLookup[] = [];
  /** Answers to give to the next start() calls, in order; then the gateway pays. */
  readonly startAnswers: GatewayAnswer[] = [];
  /** Answers to give to the next query() calls, in order; then what it knows. */
  readonly queryAnswers: GatewayAnswer[] = [];

  constructor(readonly channel: GatewayChannel = "alipay") {}

  async start(refund: RefundStart): Promise<GatewayAnswer> {
    this.starts.push(refund);
    const scripted = this.startAnswers.shift();
    if (scripted) {
      if (scripted.state === "succeeded") this.paid.set(refund.outRefundNo, refund.amountFen);
      return scripted;
    }
    if (!this.paid.has(refund.outRefundNo)) this.paid.set(refund.outRefundNo, refund.amountFen);
    return this.known(refund.outRefundNo);
  }

  async query(refund: RefundLookup): Promise<GatewayAnswer> {
    this.queries.push(refund);
    return this.queryAnswers.shift() ?? this.known(refund.outRefundNo);
  }

  private known(outRefundNo: string): GatewayAnswer {
    const amountFen = this.paid.get(outRefundNo);
    if (amountFen === undefined) return { state: "refused", code: "REFUND_NOT_EXIST", message: "no such refund" };
    return { state: "succeeded", gatewayRefundId: `T${outRefundNo}`, amountFen, succeededAt: null };
  }

  /** Payouts made: one per refund number. */
  get payouts(): number {
    return this.paid.size;
  }

  async parseNotification(n: IncomingNotification): Promise<ParsedNotification> {
    const reply = { status: 200, contentType: "text/plain", body: "success" };
    try {
      const body = JSON.parse(n.rawBody) as { outRefundNo: string; answer: GatewayAnswer; token: string };
      if (n.headers["x-test-signature"] !== "good") return { ok: false, why: "bad signature", reply: { status: 400, contentType: "text/plain", body: "fail" } };
      return { ok: true, outRefundNo: body.outRefundNo, answer: body.answer, reply };
    } catch {
      return { ok: false, why: "unreadable", reply: { status: 400, contentType: "text/plain", body: "fail" } };
    }
  }

  async statement(): Promise<StatementLine[]> {
    return [];
  }
}
