/**
 * A payment gateway as the refund flow sees it (docs/decisions/021-refunds-exactly-once.md).
 * One adapter per gateway (Alipay, WeChat Pay v3) implements it over the gateway's real wire
 * protocol; the repository's sandbox process speaks the same protocol, so tests exercise the
 * real signing and verification code.
 *
 * Every call carries the merchant refund number (`outRefundNo`: Alipay out_request_no, WeChat
 * out_refund_no). It is created once per refund record and reused on every retry of that record,
 * so the gateway itself refuses to pay it twice. It is never reused for another record.
 */
export type GatewayChannel = "alipay" | "wechat_pay";

export interface RefundStart {
  outRefundNo: string;
  /** The merchant's order number (Alipay out_trade_no, WeChat out_trade_no). */
  orderNo: string;
  /** The gateway's transaction id of the payment (Alipay trade_no, WeChat transaction_id), when known. */
  gatewayTxnId: string | null;
  amountFen: number;
  /** What the customer paid for the whole order (WeChat needs it; Alipay ignores it). */
  totalPaidFen: number;
  /** Shown to the customer by the gateway. */
  reason: string;
  /** Where the gateway sends its asynchronous notification for this refund (our public URL). */
  notifyUrl: string;
}

export interface RefundLookup {
  outRefundNo: string;
  orderNo: string;
  gatewayTxnId: string | null;
}

/**
 * What the gateway said about one refund, mapped onto the states the refund flow knows:
 * - succeeded: the money moved (Alipay fund_change=Y or refund_status=REFUND_SUCCESS; WeChat SUCCESS);
 * - processing: accepted, final answer later (WeChat PROCESSING; Alipay fund_change=N before the query confirms);
 * - closed: the gateway closed this refund number without paying; a retry needs a new number (WeChat CLOSED);
 * - abnormal: the payout failed at the bank and a person must act (WeChat ABNORMAL); the money is not back with us;
 * - refused: a business refusal of this call that pays nothing (e.g. ACQ.TRADE_NOT_EXIST, amount too large);
 *   the same number may be tried again later;
 * - unknown: no answer we can trust (timeout, 5xx, bad response signature, network): query again later.
 * `code` and `message` are the gateway's own words, kept for finance to read.
 */
export type GatewayAnswer =
  | { state: "succeeded"; gatewayRefundId: string; amountFen: number; succeededAt: Date | null; code?: string; message?: string }
  | { state: "processing"; gatewayRefundId?: string; code?: string; message?: string }
  | { state: "closed"; code?: string; message?: string }
  | { state: "abnormal"; code?: string; message?: string }
  | { state: "refused"; code: string; message: string }
  | { state: "unknown"; code?: string; message: string };

/** An HTTP notification as it arrived: the raw body is what the signature covers. */
export interface IncomingNotification {
  headers: Record<string, string>;
  rawBody: string;
}

/**
 * The outcome of verifying and parsing a notification. `reply` is what the gateway expects back
 * (Alipay: the text `success`; WeChat: 200/204, or 4xx with `{code:"FAIL",message}` to retry).
 */
export type ParsedNotification =
  | { ok: true; outRefundNo: string; answer: GatewayAnswer; reply: GatewayReply }
  | { ok: false; why: string; reply: GatewayReply };

export interface GatewayReply {
  status: number;
  contentType: string;
  body: string;
}

/** One refund line of the gateway's downloadable statement (bill) for a day. */
export interface StatementLine {
  outRefundNo: string;
  gatewayRefundId: string;
  orderNo: string;
  amountFen: number;
  /** The gateway's status word for the refund in the statement (e.g. SUCCESS). */
  status: string;
  at: Date;
}

export interface RefundGateway {
  readonly channel: GatewayChannel;
  start(refund: RefundStart): Promise<GatewayAnswer>;
  query(refund: RefundLookup): Promise<GatewayAnswer>;
  /** Verifies the signature (and decrypts, for WeChat) before anything is believed. Never throws for bad input. */
  parseNotification(notification: IncomingNotification): Promise<ParsedNotification>;
  /** The refunds in the gateway's statement for one Beijing calendar day (YYYY-MM-DD). */
  statement(day: string): Promise<StatementLine[]>;
}
