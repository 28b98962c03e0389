import { createHash } from "node:crypto";
import type { GatewayAnswer, IncomingNotification, ParsedNotification, RefundGateway, RefundLookup, RefundStart, StatementLine } from "../refund-gateway";
import { answerFromError, answerFromRefund, errorWords, type WechatRefund } from "./answers";
import { parseRefundBill } from "./bill";
import type { WechatPayConfig } from "./config";
import { signedHeaders, wechatCall } from "./http";
import { parseWechatNotification } from "./notification";

/**
 * WeChat Pay API v3 refunds (申请退款 / 查询单笔退款 / 退款结果通知 / 交易账单) behind the refund
 * flow's gateway interface. Every answer is verified before it is believed; see
 * docs/decisions/023-wechat-pay-refunds.md for how WeChat's words map onto GatewayAnswer.
 */
export class WechatPayGateway implements RefundGateway {
  readonly channel = "wechat_pay" as const;

  constructor(private readonly config: WechatPayConfig) {}

  async start(refund: RefundStart): Promise<GatewayAnswer> {
    const body = {
      // WeChat takes one of the two (二选一): its own transaction id when we have it.
      ...(refund.gatewayTxnId ? { transaction_id: refund.gatewayTxnId } : { out_trade_no: refund.orderNo }),
      out_refund_no: refund.outRefundNo,
      ...(refund.reason.trim() ? { reason: refund.reason.trim().slice(0, 80) } : {}),
      notify_url: refund.notifyUrl,
      amount: { refund: refund.amountFen, total: refund.totalPaidFen, currency: "CNY" },
    };
    const res = await wechatCall(this.config, "POST", "/v3/refund/domestic/refunds", body);
    if (res.kind === "untrusted") return { state: "unknown", message: res.why };
    if (res.status === 200) return answerFromRefund(res.body as WechatRefund, refund.outRefundNo);
    return answerFromError(res.status, res.body);
  }

  async query(refund: RefundLookup): Promise<GatewayAnswer> {
    const res = await wechatCall(this.config, "GET", `/v3/refund/domestic/refunds/${encodeURIComponent(refund.outRefundNo)}`);
    if (res.kind === "untrusted") return { state: "unknown", message: res.why };
    if (res.status === 200) return answerFromRefund(res.body as WechatRefund, refund.outRefundNo);
    // RESOURCE_NOT_EXISTS: WeChat never accepted this number (a start that failed or never
    // arrived). Refused pays nothing; sending the same number again is safe.
    return answerFromError(res.status, res.body);
  }

  async parseNotification(notification: IncomingNotification): Promise<ParsedNotification> {
    return parseWechatNotification(this.config, notification);
  }

  async statement(day: string): Promise<StatementLine[]> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day: ${day}`);
    const res = await wechatCall(this.config, "GET", `/v3/bill/tradebill?bill_date=${day}&bill_type=REFUND`);
    if (res.kind === "untrusted") throw new Error(`WeChat Pay refund bill for ${day}: ${res.why}`);
    if (res.status !== 200) {
      const { code, message } = errorWords(res.body);
      // No refunds that day: WeChat has no bill to give.
      if (code === "NO_STATEMENT_EXIST") return [];
      throw new Error(`WeChat Pay refund bill for ${day}: HTTP ${res.status} ${code ?? ""} ${message ?? ""}`.trim());
    }
    const bill = res.body as { hash_type?: string; hash_value?: string; download_url?: string };
    if (!bill.download_url || !bill.hash_value) throw new Error(`WeChat Pay refund bill for ${day}: no download_url`);
    return parseRefundBill(await this.download(bill.download_url, bill.hash_type ?? "SHA1", bill.hash_value));
  }

  /**
   * The bill file itself is not signed by WeChat; the signed tradebill answer gave its hash.
   * Our Authorization only ever goes to the configured WeChat origin.
   */
  private async download(downloadUrl: string, hashType: string, hashValue: string): Promise<string> {
    const url = new URL(downloadUrl);
    if (url.origin !== new URL(this.config.baseUrl).origin) throw new Error(`the bill's download_url points at another host (${url.origin})`);
    const pathWithQuery = `${url.pathname}${url.search}`;
    const res = await fetch(url, { headers: signedHeaders(this.config, "GET", pathWithQuery, "", false), signal: AbortSignal.timeout(Math.max(this.config.timeoutMs, 30_000)) });
    if (!res.ok) throw new Error(`downloading the WeChat Pay bill: HTTP ${res.status}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    const algorithm = hashType.toUpperCase() === "SHA1" ? "sha1" : hashType.toUpperCase() === "SM3" ? "sm3" : null;
    if (!algorithm) throw new Error(`unsupported bill hash_type ${hashType}`);
    if (createHash(algorithm).update(bytes).digest("hex").toLowerCase() !== hashValue.toLowerCase()) throw new Error("the WeChat Pay bill does not match its hash");
    return bytes.toString("utf8");
  }
}
