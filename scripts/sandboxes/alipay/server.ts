import { createPublicKey, generateKeyPairSync, randomBytes, randomInt, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import type { FaultRequest } from "../pay-faults";
import { billZip } from "./bill";
import { AlipayLedger, type RefundRecord, type Trade } from "./ledger";
import { Notifier } from "./notifier";
import { rsa2Verify, signedResponse, signingString } from "./signing";
import { readBody } from "../read-body";

/**
 * A local stand-in for Alipay's openapi gateway, as a separate HTTP server. It speaks the
 * protocol the official alipay-sdk speaks — `POST /gateway.do` with the common parameters in
 * the query and biz_content in the form body, RSA2-signed by the merchant; answers
 * `{"<method>_response":{…},"sign":"…"}` signed with the sandbox's own "Alipay" key — for
 * alipay.trade.refund, alipay.trade.fastpay.refund.query and
 * alipay.data.dataservice.bill.downloadurl.query (plus the bill download), keeps a ledger of
 * payouts, sends signed asynchronous notifications, and misbehaves on request
 * (scripts/sandboxes/pay-faults.ts) over its control API:
 *   POST /sandbox/faults {mode, outRefundNo?, times?, delaySeconds?} · GET /sandbox/ledger ·
 *   POST /sandbox/reset · POST /sandbox/trades {outTradeNo, tradeNo?, totalFen, subject?, notifyUrl?} ·
 *   GET /sandbox/notifications
 *
 * Standalone: `npx tsx scripts/sandboxes/alipay/server.ts [--port 4020]` prints the app's env lines.
 * From code: `const alipay = await startAlipaySandbox({ port: 0 })` then `alipay.appEnv()`.
 */
export interface AlipaySandboxOptions {
  /** 0 = any free port. */
  port?: number;
  host?: string;
  appId?: string;
  /** The merchant's application public key (PEM/base64 SPKI); generated with its private key when not given. */
  merchantPublicKey?: string;
}

export interface AlipaySandbox {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The app's ALIPAY_GATEWAY_URL. */
  gatewayUrl: string;
  port: number;
  ledger: AlipayLedger;
  /** ALIPAY_APP_ID, ALIPAY_GATEWAY_URL, ALIPAY_PUBLIC_KEY (the sandbox's) and ALIPAY_PRIVATE_KEY (when it made the merchant's key). */
  appEnv(): Record<string, string>;
  close(): Promise<void>;
}

const METHODS = ["alipay.trade.refund", "alipay.trade.fastpay.refund.query", "alipay.data.dataservice.bill.downloadurl.query"];
const BILL_LINK_TTL_MS = 5 * 60_000;

const der = (key: KeyObject) =>
  key.type === "private" ? key.export({ format: "der", type: "pkcs8" }).toString("base64") : key.export({ format: "der", type: "spki" }).toString("base64");
const bj = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(0, 10))).join("");

function parseYuan(text: unknown): number | null {
  const m = typeof text === "string" ? /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(text) : null;
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : null;
}

function publicKeyFrom(text: string): KeyObject {
  const value = text.trim().replace(/\\n/g, "\n");
  return value.includes("-----BEGIN") ? createPublicKey(value) : createPublicKey({ key: Buffer.from(value, "base64"), format: "der", type: "spki" });
}

export async function startAlipaySandbox(options: AlipaySandboxOptions = {}): Promise<AlipaySandbox> {
  const appId = options.appId ?? `2021${digits(12)}`;
  const alipayKeys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const merchantKeys = options.merchantPublicKey ? null : generateKeyPairSync("rsa", { modulusLength: 2048 });
  const merchantPublicKey = options.merchantPublicKey ? publicKeyFrom(options.merchantPublicKey) : merchantKeys!.publicKey;
  const ledger = new AlipayLedger(`2088${digits(12)}`);
  const notifier = new Notifier(alipayKeys.privateKey);
  const billLinks = new Map<string, { day: string; expires: number }>();
  let origin = "";

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      console.error("[alipay sandbox]", e);
      if (!res.headersSent) send(res, 500, "application/json", JSON.stringify({ error: "sandbox error" }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://sandbox");
    if (req.method === "GET" && url.pathname === "/health") return json(res, 200, { ok: true });
    if (url.pathname.startsWith("/sandbox/")) return control(req, res, url);
    if (req.method === "GET" && url.pathname === "/downloadBillFile.resource") return downloadBill(res, url);
    if (url.pathname !== "/gateway.do") return json(res, 404, { error: "not found" });

    const body = await readBody(req, 256 * 1024);
    if (body === null) return json(res, 413, { error: "too large" });
    const params: Record<string, string> = {};
    for (const [k, v] of url.searchParams) params[k] = v;
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params[k] = v;
    const method = params.method ?? "";
    // The `timeout` fault: the call is carried out first (a refund is recorded and paid), then its
    // answer is held until the client gives up (at most a minute).
    let holdAnswer = false;
    const answer = async (fields: Record<string, unknown>) => {
      const text = signedResponse(METHODS.includes(method) ? method : "error", fields, alipayKeys.privateKey);
      if (holdAnswer) await clientGone(req, 60_000);
      send(res, 200, "application/json;charset=utf-8", text);
    };
    const invalid = (subCode: string, subMsg: string) => answer({ code: "40002", msg: "Invalid Arguments", sub_code: subCode, sub_msg: subMsg });
    const business = (subCode: string, subMsg: string, extra: Record<string, unknown> = {}) =>
      answer({ code: "40004", msg: "Business Failed", sub_code: subCode, sub_msg: subMsg, ...extra });

    if (!METHODS.includes(method)) return invalid("isv.invalid-method", "不存在的方法名");
    if (params.app_id !== appId) return invalid("isv.invalid-app-id", "无效的AppID参数");
    if (params.sign_type !== "RSA2") return invalid("isv.invalid-signature-type", "无效的签名类型");
    if (!params.sign || !rsa2Verify(signingString(params, ["sign"]), params.sign, merchantPublicKey)) {
      return invalid("isv.invalid-signature", `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${signingString(params, ["sign"])}`);
    }
    if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(params.timestamp ?? "")) return invalid("isv.invalid-timestamp", "非法的时间戳参数");
    let biz: Record<string, unknown>;
    try {
      biz = JSON.parse(params.biz_content ?? "{}") as Record<string, unknown>;
    } catch {
      return invalid("isv.invalid-biz-content", "biz_content 不是合法的 JSON");
    }
    const str = (k: string) => (typeof biz[k] === "string" && biz[k] !== "" ? (biz[k] as string) : undefined);

    if (method === "alipay.data.dataservice.bill.downloadurl.query") {
      const day = str("bill_date") ?? "";
      if (str("bill_type") !== "trade" && str("bill_type") !== "signcustomer") return invalid("isv.invalid-parameter", "bill_type 只能是 trade 或 signcustomer");
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return invalid("isv.invalid-parameter", "bill_date 格式应为 yyyy-MM-dd");
      const fileId = randomBytes(12).toString("hex");
      billLinks.set(fileId, { day, expires: Date.now() + BILL_LINK_TTL_MS });
      const compact = day.replaceAll("-", "");
      return answer({
        code: "10000",
        msg: "Success",
        bill_download_url: `${origin}/downloadBillFile.resource?bizType=${str("bill_type")}&userId=${ledger.seller}&fileType=csv.zip&bizDates=${compact}&downloadFileName=${ledger.seller}0156_${compact}.csv.zip&fileId=${fileId}`,
      });
    }

    const outTradeNo = str("out_trade_no");
    const tradeNo = str("trade_no");
    const outRequestNo = str("out_request_no") ?? "";
    if (!outTradeNo && !tradeNo) return invalid("isv.missing-parameter", "out_trade_no 和 trade_no 不能同时为空");
    if (!outRequestNo) return invalid("isv.missing-parameter", "缺少 out_request_no");

    const fault = ledger.takeFault(outRequestNo, method === "alipay.trade.refund" ? "refund" : "query");
    if (fault?.mode === "server_error") return send(res, randomInt(0, 2) ? 500 : 503, "text/html", "<html><body>Service Unavailable</body></html>");
    if (fault?.mode === "timeout") holdAnswer = true;

    if (method === "alipay.trade.fastpay.refund.query") {
      const trade = ledger.findTrade(outTradeNo, tradeNo);
      if (!trade) return business("ACQ.TRADE_NOT_EXIST", "交易不存在");
      const refund = ledger.refunds.get(outRequestNo);
      const base = { code: "10000", msg: "Success", trade_no: trade.tradeNo, out_trade_no: trade.outTradeNo, out_request_no: outRequestNo };
      if (!refund || refund.tradeNo !== trade.tradeNo || refund.status === "CLOSED") return answer(base);
      if (refund.status === "PROCESSING") {
        if (refund.processingQueriesLeft > 0) {
          refund.processingQueriesLeft -= 1;
          return answer({ ...base, refund_amount: yuan(refund.amountFen), total_amount: yuan(trade.totalFen ?? refund.amountFen), refund_status: "REFUND_PROCESSING" });
        }
        pay(refund, trade);
      }
      const wantsTime = Array.isArray(biz.query_options) && biz.query_options.includes("gmt_refund_pay");
      return answer({
        ...base,
        refund_reason: refund.reason,
        total_amount: yuan(trade.totalFen ?? refund.amountFen),
        refund_amount: yuan(refund.amountFen),
        refund_status: "REFUND_SUCCESS",
        ...(wantsTime && refund.succeededAt ? { gmt_refund_pay: bj(refund.succeededAt) } : {}),
      });
    }

    // alipay.trade.refund
    const amountFen = parseYuan(biz.refund_amount);
    if (amountFen === null || amountFen <= 0) return invalid("isv.invalid-parameter", "refund_amount 不合法");
    let trade = ledger.findTrade(outTradeNo, tradeNo);
    if (!trade && tradeNo && outTradeNo && ledger.trades.has(outTradeNo)) return business("ACQ.TRADE_NOT_EXIST", "交易不存在");
    trade ??= ledger.adoptTrade(outTradeNo, tradeNo);
    if (params.notify_url) trade.notifyUrl = params.notify_url;
    const existing = ledger.refunds.get(outRequestNo);
    if (existing) {
      existing.requests += 1;
      if (existing.tradeNo !== trade.tradeNo || existing.amountFen !== amountFen) return business("ACQ.DISCORDANT_REPEAT_REQUEST", "退款请求号对应的退款信息与原请求不一致");
      if (existing.status === "CLOSED") {
        if (fault?.mode === "closed") return answer(refundFields(trade, existing, "N"));
        existing.status = "PROCESSING";
        pay(existing, trade);
        return answer(refundFields(trade, existing, "Y"));
      }
      // Paid (or being paid) under this number already: this call moves no money.
      return answer(refundFields(trade, existing, "N"));
    }
    if (trade.totalFen !== null && ledger.refundedFen(trade) + amountFen > trade.totalFen) {
      return business("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限", { trade_no: trade.tradeNo, out_trade_no: trade.outTradeNo });
    }
    const refund: RefundRecord = {
      outRefundNo: outRequestNo,
      orderNo: trade.outTradeNo,
      gatewayRefundId: trade.tradeNo,
      tradeNo: trade.tradeNo,
      amountFen,
      reason: str("refund_reason") ?? "",
      status: fault?.mode === "closed" ? "CLOSED" : "PROCESSING",
      requests: 1,
      createdAt: new Date(),
      succeededAt: null,
      processingQueriesLeft: fault?.mode === "processing_for_a_while" ? fault.remaining : 0,
      notify:
        fault?.mode === "no_notify" ? "none" : fault?.mode === "notify_twice" ? "twice" : fault?.mode === "notify_late" ? "late" : fault?.mode === "bad_signature_notify" ? "bad_signature" : "normal",
      notifyDelaySeconds: fault?.delaySeconds ?? 5,
    };
    ledger.refunds.set(outRequestNo, refund);
    if (refund.status === "CLOSED" || fault?.mode === "processing_for_a_while") return answer(refundFields(trade, refund, "N"));
    pay(refund, trade);
    return answer(refundFields(trade, refund, "Y"));
  }

  function refundFields(trade: Trade, refund: RefundRecord, fundChange: "Y" | "N") {
    return {
      code: "10000",
      msg: "Success",
      trade_no: trade.tradeNo,
      out_trade_no: trade.outTradeNo,
      buyer_logon_id: "159****5620",
      buyer_user_id: "2088101117955611",
      fund_change: fundChange,
      // The trade's refunded total, as Alipay reports it — not this refund's amount.
      refund_fee: yuan(ledger.refundedFen(trade, ["SUCCESS"])),
      send_back_fee: fundChange === "Y" ? yuan(refund.amountFen) : "0.00",
      ...(refund.succeededAt ? { gmt_refund_pay: bj(refund.succeededAt) } : {}),
    };
  }

  /** The payout: the one place a refund becomes SUCCESS, then its notification goes out as armed. */
  function pay(refund: RefundRecord, trade: Trade) {
    if (refund.status === "SUCCESS") return;
    refund.status = "SUCCESS";
    refund.succeededAt = new Date();
    if (!trade.notifyUrl || refund.notify === "none") return;
    const refunded = ledger.refundedFen(trade, ["SUCCESS"]);
    const fields: Record<string, string> = {
      notify_time: bj(new Date()),
      notify_type: "trade_status_sync",
      app_id: appId,
      auth_app_id: appId,
      charset: "utf-8",
      version: "1.0",
      trade_no: trade.tradeNo,
      out_trade_no: trade.outTradeNo,
      out_biz_no: refund.outRefundNo,
      buyer_id: "2088101117955611",
      buyer_logon_id: "159****5620",
      seller_id: ledger.seller,
      trade_status: trade.totalFen !== null && refunded >= trade.totalFen ? "TRADE_CLOSED" : "TRADE_SUCCESS",
      total_amount: yuan(trade.totalFen ?? refund.amountFen),
      receipt_amount: yuan(trade.totalFen ?? refund.amountFen),
      buyer_pay_amount: yuan(trade.totalFen ?? refund.amountFen),
      refund_fee: yuan(refunded),
      send_back_fee: yuan(refund.amountFen),
      subject: trade.subject,
      gmt_create: bj(trade.createdAt),
      gmt_payment: bj(trade.createdAt),
      gmt_refund: `${bj(refund.succeededAt!)}.${String(refund.succeededAt!.getUTCMilliseconds()).padStart(3, "0")}`,
    };
    const url = trade.notifyUrl;
    if (refund.notify === "bad_signature") return notifier.send(refund.outRefundNo, url, fields, { forged: true });
    if (refund.notify === "late") return notifier.send(refund.outRefundNo, url, fields, { delayMs: refund.notifyDelaySeconds * 1000 });
    notifier.send(refund.outRefundNo, url, fields);
    if (refund.notify === "twice") notifier.send(refund.outRefundNo, url, fields, { delayMs: 300 });
  }

  function downloadBill(res: ServerResponse, url: URL) {
    const link = billLinks.get(url.searchParams.get("fileId") ?? "");
    if (!link || link.expires < Date.now()) return send(res, 404, "text/plain", "the download link has expired");
    const { fileName, zip } = billZip(ledger, link.day);
    res.writeHead(200, { "content-type": "application/oct-stream", "content-disposition": `attachment; filename="${fileName}"` });
    res.end(Buffer.from(zip));
  }

  async function control(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method === "GET" && url.pathname === "/sandbox/ledger") return json(res, 200, { entries: ledger.entries() });
    if (req.method === "GET" && url.pathname === "/sandbox/notifications") return json(res, 200, { deliveries: notifier.deliveries });
    if (req.method === "POST" && url.pathname === "/sandbox/reset") {
      ledger.reset();
      return json(res, 200, { ok: true });
    }
    const body = await readBody(req, 64 * 1024);
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(body?.toString("utf8") || "{}") as Record<string, unknown>;
    } catch {
      return json(res, 400, { error: "the body is not JSON" });
    }
    if (req.method === "POST" && url.pathname === "/sandbox/faults") {
      const armed = ledger.arm(input as unknown as FaultRequest);
      return armed.ok ? json(res, 200, { ok: true }) : json(res, 400, { error: armed.why });
    }
    if (req.method === "POST" && url.pathname === "/sandbox/trades") {
      if (typeof input.outTradeNo !== "string" || !Number.isSafeInteger(input.totalFen) || (input.totalFen as number) <= 0) {
        return json(res, 400, { error: "outTradeNo (string) and totalFen (whole fen > 0) are required" });
      }
      const trade = ledger.registerTrade({
        outTradeNo: input.outTradeNo,
        tradeNo: typeof input.tradeNo === "string" ? input.tradeNo : undefined,
        totalFen: input.totalFen as number,
        subject: typeof input.subject === "string" ? input.subject : undefined,
        // The payment's notify_url, where Alipay sends the trade's notifications (a refund call's notify_url replaces it).
        notifyUrl: typeof input.notifyUrl === "string" ? input.notifyUrl : undefined,
      });
      return json(res, 200, { outTradeNo: trade.outTradeNo, tradeNo: trade.tradeNo, totalFen: trade.totalFen });
    }
    return json(res, 404, { error: "not found" });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${options.host ?? "127.0.0.1"}:${port}`;
  const gatewayUrl = `${origin}/gateway.do`;
  return {
    origin,
    gatewayUrl,
    port,
    ledger,
    appEnv: () => ({
      ALIPAY_APP_ID: appId,
      ALIPAY_GATEWAY_URL: gatewayUrl,
      ALIPAY_PUBLIC_KEY: der(alipayKeys.publicKey),
      ...(merchantKeys ? { ALIPAY_PRIVATE_KEY: der(merchantKeys.privateKey) } : {}),
    }),
    close: () =>
      new Promise<void>((resolve) => {
        notifier.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function clientGone(req: IncomingMessage, atMostMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    if (req.socket.destroyed) return resolve();
    const t = setTimeout(resolve, atMostMs);
    req.socket.once("close", () => {
      clearTimeout(t);
      resolve();
    });
  });
}

function send(res: ServerResponse, status: number, contentType: string, body: string) {
  res.writeHead(status, { "content-type": contentType });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown) {
  send(res, status, "application/json;charset=utf-8", JSON.stringify(body));
}

/** Run directly: start on --port (default 4020) and print the variables the app needs. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const i = process.argv.indexOf("--port");
  const port = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.ALIPAY_SANDBOX_PORT ?? 4020);
  const sandbox = await startAlipaySandbox({
    port,
    appId: process.env.ALIPAY_SANDBOX_APP_ID,
    merchantPublicKey: process.env.ALIPAY_SANDBOX_MERCHANT_PUBLIC_KEY,
  });
  console.log(`Alipay sandbox on ${sandbox.gatewayUrl} (ledger: ${sandbox.origin}/sandbox/ledger). Start the app with:`);
  for (const [k, v] of Object.entries(sandbox.appEnv())) console.log(`${k}=${v}`);
  console.log(`ALIPAY_SANDBOX_READY=${sandbox.origin}`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
