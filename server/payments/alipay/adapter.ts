import { AlipaySdk } from "alipay-sdk";
import type {
  GatewayAnswer,
  GatewayReply,
  IncomingNotification,
  ParsedNotification,
  RefundGateway,
  RefundLookup,
  RefundStart,
  StatementLine,
} from "../refund-gateway";
import { fenToYuan } from "./amount";
import { refundAnswer, refundQueryAnswer, type AlipayResponse } from "./answers";
import { oneLineKey, parsePrivateKey, parsePublicKey } from "./keys";
import { parseTradeBill } from "./statement";

export const ALIPAY_DEFAULT_GATEWAY = "https://openapi.alipay.com/gateway.do";

export interface AlipayConfig {
  appId: string;
  /** The application private key (RSA2), PEM or Alipay's one-line base64. */
  privateKey: string;
  /** Alipay's public key (not the application's own), PEM or one-line base64. */
  alipayPublicKey: string;
  /** https://openapi.alipay.com/gateway.do, or the sandbox's http://127.0.0.1:PORT/gateway.do. */
  gateway: string;
  /** A call still unanswered after this long is given up: the answer is `unknown`. */
  timeoutMs: number;
}

/** Alipay's reply texts to its asynchronous notification: anything but `success` makes it retry. */
const ACCEPTED: GatewayReply = { status: 200, contentType: "text/plain;charset=utf-8", body: "success" };
const REJECTED: GatewayReply = { status: 200, contentType: "text/plain;charset=utf-8", body: "fail" };

/**
 * Alipay refunds through the official alipay-sdk (RSA2): alipay.trade.refund,
 * alipay.trade.fastpay.refund.query, the asynchronous notification, and the daily trade bill.
 * Every response's signature is verified (`validateSign: true`); one that does not verify is
 * never believed. See docs/decisions/022-alipay-refunds.md.
 */
export class AlipayRefundGateway implements RefundGateway {
  readonly channel = "alipay" as const;
  private readonly sdk: AlipaySdk;

  constructor(private readonly config: AlipayConfig) {
    this.sdk = new AlipaySdk({
      appId: config.appId,
      // The SDK wraps a one-line body in PEM armour itself (a full PEM confuses it).
      privateKey: oneLineKey(parsePrivateKey(config.privateKey)),
      keyType: "PKCS8",
      alipayPublicKey: oneLineKey(parsePublicKey(config.alipayPublicKey)),
      gateway: config.gateway,
      timeout: config.timeoutMs,
      signType: "RSA2",
      // Keep Alipay's own snake_case field names.
      camelcase: false,
    });
  }

  async start(refund: RefundStart): Promise<GatewayAnswer> {
    const bizContent: Record<string, unknown> = {
      out_trade_no: refund.orderNo,
      ...(refund.gatewayTxnId ? { trade_no: refund.gatewayTxnId } : {}),
      refund_amount: fenToYuan(refund.amountFen),
      out_request_no: refund.outRefundNo,
      refund_reason: refund.reason.slice(0, 256),
      query_options: ["deposit_back_info"],
    };
    const called = await this.call("alipay.trade.refund", bizContent, refund.notifyUrl);
    return called.ok ? refundAnswer(called.response, refund.amountFen) : called.answer;
  }

  async query(refund: RefundLookup): Promise<GatewayAnswer> {
    const called = await this.call("alipay.trade.fastpay.refund.query", {
      out_trade_no: refund.orderNo,
      ...(refund.gatewayTxnId ? { trade_no: refund.gatewayTxnId } : {}),
      out_request_no: refund.outRefundNo,
      query_options: ["gmt_refund_pay"],
    });
    return called.ok ? refundQueryAnswer(called.response) : called.answer;
  }

  /**
   * Alipay's notification (form-encoded POST, trade_status_sync) is believed only when its RSA2
   * signature verifies with Alipay's public key and it names our app. A refund notification
   * carries out_biz_no = our out_request_no, but its refund_fee is the trade's refunded total, so
   * the refund itself is confirmed with the refund query (which is also what Alipay advises);
   * `success` is answered only when that gives a final answer, otherwise Alipay sends it again.
   */
  async parseNotification(notification: IncomingNotification): Promise<ParsedNotification> {
    const fields = Object.fromEntries(new URLSearchParams(notification.rawBody));
    let verified = false;
    try {
      verified = this.sdk.checkNotifySignV2(fields);
    } catch {
      verified = false;
    }
    if (!verified) return { ok: false, why: "the notification's signature does not verify with Alipay's public key", reply: REJECTED };
    if (fields.app_id !== this.config.appId) return { ok: false, why: `the notification is for another app (${fields.app_id ?? "none"})`, reply: REJECTED };
    const outRefundNo = fields.out_biz_no;
    // A genuine notification about something else (the payment itself): acknowledged, nothing to record.
    if (!outRefundNo || !fields.out_trade_no) return { ok: false, why: "not a refund notification (no out_biz_no)", reply: ACCEPTED };
    const answer = await this.query({ outRefundNo, orderNo: fields.out_trade_no, gatewayTxnId: fields.trade_no || null });
    const final = answer.state === "succeeded";
    return { ok: true, outRefundNo, answer, reply: final ? ACCEPTED : REJECTED };
  }

  /**
   * The day's trade bill (bill_type=trade: payments and refunds of the merchant's acquiring
   * business): alipay.data.dataservice.bill.downloadurl.query gives a short-lived URL to a zip of
   * GBK CSV files; the refund lines of its 业务明细 file are returned.
   */
  async statement(day: string): Promise<StatementLine[]> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day: ${day}`);
    const called = await this.call("alipay.data.dataservice.bill.downloadurl.query", { bill_type: "trade", bill_date: day });
    if (!called.ok) throw new Error(`Alipay bill for ${day}: ${called.answer.message ?? called.answer.state}`);
    const response = called.response;
    if (response.code !== "10000" || typeof response.bill_download_url !== "string") {
      throw new Error(`Alipay bill for ${day}: ${String(response.sub_code ?? response.code)} ${String(response.sub_msg ?? response.msg ?? "")}`.trim());
    }
    const download = await fetch(response.bill_download_url, { signal: AbortSignal.timeout(this.config.timeoutMs * 3) });
    if (!download.ok) throw new Error(`Alipay bill for ${day}: download answered HTTP ${download.status}`);
    return parseTradeBill(new Uint8Array(await download.arrayBuffer()));
  }

  /**
   * One signed call. Anything that is not a verified Alipay answer — network error, timeout,
   * HTTP 5xx, a body that is not Alipay's JSON, a signature that does not verify — becomes
   * `unknown`: the refund may or may not have happened, and the flow asks again later.
   */
  private async call(method: string, bizContent: Record<string, unknown>, notifyUrl?: string): Promise<Called> {
    try {
      const result = (await this.sdk.exec(method, { bizContent, ...(notifyUrl ? { notifyUrl } : {}) }, { validateSign: true })) as unknown;
      if (!result || typeof result !== "object") return { ok: false, answer: { state: "unknown", code: "INVALID_RESPONSE", message: "Alipay's answer is not an object" } };
      return { ok: true, response: result as AlipayResponse };
    } catch (e) {
      return { ok: false, answer: unknownFromError(e) };
    }
  }
}

type Called = { ok: true; response: AlipayResponse } | { ok: false; answer: GatewayAnswer };

/** The SDK's errors (AlipayRequestError) told apart by their message; none of them is an answer to believe. */
export function unknownFromError(e: unknown): GatewayAnswer {
  const message = e instanceof Error ? e.message : String(e);
  if (message.startsWith("HttpClient Request error")) {
    // urllib's message may quote the request URL (with its signature): only the kind of failure travels on.
    const name = (e as { cause?: { name?: unknown; code?: unknown } }).cause;
    const kind = typeof name?.code === "string" ? name.code : typeof name?.name === "string" ? name.name : "";
    if (/timeout/i.test(`${kind} ${message}`)) return { state: "unknown", code: "TIMEOUT", message: "Alipay did not answer in time" };
    return { state: "unknown", code: "NETWORK_ERROR", message: `Alipay could not be reached${kind ? ` (${kind})` : ""}` };
  }
  const status = /status: (\d{3})/.exec(message)?.[1];
  if (status) return { state: "unknown", code: `HTTP_${status}`, message: `Alipay answered HTTP ${status}` };
  if (message.includes("验签")) return { state: "unknown", code: "INVALID_RESPONSE_SIGNATURE", message: "Alipay's answer did not verify with Alipay's public key" };
  if (message.includes("格式错误")) return { state: "unknown", code: "INVALID_RESPONSE", message: "Alipay's answer is not the expected JSON" };
  return { state: "unknown", code: "ERROR", message: "the call to Alipay failed" };
}
