import { randomBytes, randomInt, randomUUID, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { FAULT_MODES, type FaultRequest, type LedgerEntry } from "../pay-faults";
import { beijingDay, refundBill } from "./bill";
import { Ledger, type SandboxRefund } from "./ledger";
import { beijingRfc3339, encryptResource, parseMerchantAuthorization, rsaKeyPair, sha1Hex, verifyMerchantSignature, wechatpayHeaders } from "./protocol";
import { readBody } from "../read-body";

/**
 * A local stand-in for WeChat Pay API v3 refunds, as a separate HTTP server speaking the real
 * protocol: requests must carry the merchant's WECHATPAY2-SHA256-RSA2048 Authorization (checked
 * against the merchant public key it issued); every JSON answer is signed with the sandbox's own
 * "WeChat Pay public key" pair (Wechatpay-* headers); refund notifications go to notify_url
 * encrypted with the APIv3 key and signed, asynchronously, retried on non-2xx.
 *
 * Endpoints: POST /v3/refund/domestic/refunds, GET /v3/refund/domestic/refunds/{out_refund_no},
 * GET /v3/bill/tradebill?bill_date=&bill_type=REFUND, GET /v3/billdownload/file?token=…
 * Control (scripts/sandboxes/pay-faults.ts): POST /sandbox/faults, GET /sandbox/ledger,
 * POST /sandbox/reset; plus GET /sandbox/notifications (what was sent and how it was answered),
 * POST /sandbox/notifications/sign (a notification for tests, good or deliberately broken) and
 * POST /sandbox/balance `{fen}` (the merchant's balance; a refund above it is NOT_ENOUGH).
 *
 * Money: a refund number pays at most once (a retry answers the same refund); the refunds of one
 * trade never add up to more than its amount.total (CLOSED ones give their amount back). Without
 * a fault a refund is paid at once (SUCCESS on apply) and REFUND.SUCCESS is sent right after.
 *
 * Faults are taken by refund applications (POST): `timeout` (pays, answers after `delaySeconds`,
 * default 30) and `server_error` (500 SYSTEM_ERROR, nothing done) act on any application, a retry
 * included; the others shape a NEW refund number only, so a retry of a known number never eats
 * them. A query takes only a `timeout` / `server_error` armed for its own number (a fault for any
 * number waits for the next application). `processing_for_a_while`: PROCESSING to the application and to the next
 * `times` queries (default 1), then SUCCESS (and its notification). `closed` / `abnormal`:
 * PROCESSING to the application, then CLOSED / ABNORMAL with REFUND.CLOSED / REFUND.ABNORMAL.
 * Notifications that get a non-2xx answer are sent again after each of `notifyRetryDelaysMs`.
 *
 * Standalone: `npx tsx scripts/sandboxes/wechat-pay/server.ts [--port 4030]` prints the app's env lines.
 */

export interface WechatPaySandboxOptions {
  port?: number;
  host?: string;
  mchid?: string;
  /** Delays between notification attempts after a non-2xx answer (WeChat: 15 s, 15 s, 30 s, 3 min, …). */
  notifyRetryDelaysMs?: number[];
}

export type NotificationVariant = "good" | "forged" | "tampered" | "wrong_serial" | "old_timestamp" | "wrong_apiv3_key";

export interface SentNotification {
  outRefundNo: string;
  eventType: string;
  attempt: number;
  /** The app's HTTP status, or null when the connection failed. */
  status: number | null;
  signatureValid: boolean;
  at: string;
}

export interface WechatPaySandbox {
  endpoint: string;
  port: number;
  appEnv(): Record<string, string>;
  ledger(): LedgerEntry[];
  close(): Promise<void>;
}

const MAX_SKEW_SECONDS = 300;

export async function startWechatPaySandbox(options: WechatPaySandboxOptions = {}): Promise<WechatPaySandbox> {
  const host = options.host ?? "127.0.0.1";
  const mchid = options.mchid ?? "1900000109";
  const merchant = rsaKeyPair();
  const merchantSerial = randomBytes(20).toString("hex").toUpperCase();
  const platform = rsaKeyPair();
  const platformKeyId = `PUB_KEY_ID_01${mchid}${String(randomInt(0, 1e9)).padStart(9, "0")}${String(randomInt(0, 1e6)).padStart(6, "0")}`;
  const apiV3Key = randomBytes(24).toString("base64url"); // 32 ASCII characters = 32 bytes
  const retryDelays = options.notifyRetryDelaysMs ?? [1000, 2000, 5000, 10_000];
  const ledger = new Ledger();
  const sent: SentNotification[] = [];
  const bills = new Map<string, string>();
  const timers = new Set<NodeJS.Timeout>();
  let closing = false;
  /** The merchant's balance refunds are paid from; null = unlimited. Set over POST /sandbox/balance. */
  let balanceFen: number | null = null;
  let endpoint = "";

  const later = (ms: number, fn: () => void) => {
    if (closing) return;
    const t = setTimeout(() => {
      timers.delete(t);
      if (!closing) fn();
    }, ms);
    timers.add(t);
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      console.error("wechat-pay sandbox:", e);
      if (!res.headersSent) answer(res, 500, { code: "SYSTEM_ERROR", message: "系统错误" });
    });
  });

  /** A JSON answer signed as WeChat signs it. */
  function answer(res: ServerResponse, status: number, body: unknown) {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "request-id": randomUUID(), ...wechatpayHeaders(text, platform.privateKey, platformKeyId) });
    res.end(text);
  }

  function plain(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://sandbox");
    const raw = await readBody(req, 256 * 1024);
    if (raw === null) return answer(res, 400, { code: "PARAM_ERROR", message: "请求体过大" });
    const body = raw.toString("utf8");

    if (url.pathname.startsWith("/sandbox/")) return control(req.method ?? "GET", url, body, res);
    if (url.pathname === "/health") return plain(res, 200, { ok: true });

    // Every v3 call is signed by the merchant.
    const auth = parseMerchantAuthorization(header(req, "authorization"));
    if (!auth) return answer(res, 401, { code: "SIGN_ERROR", message: "Authorization不合法" });
    if (auth.mchid !== mchid) return answer(res, 401, { code: "SIGN_ERROR", message: "商户号不存在或与证书不匹配" });
    if (auth.serial_no.toUpperCase() !== merchantSerial) return answer(res, 401, { code: "SIGN_ERROR", message: "商户证书序列号有误" });
    if (!/^\d+$/.test(auth.timestamp) || Math.abs(Date.now() / 1000 - Number(auth.timestamp)) > MAX_SKEW_SECONDS) return answer(res, 401, { code: "SIGN_ERROR", message: "时间戳已过期" });
    if (!verifyMerchantSignature(req.method ?? "GET", req.url ?? "/", auth.timestamp, auth.nonce_str, body, auth.signature, merchant.publicKey)) {
      return answer(res, 401, { code: "SIGN_ERROR", message: "签名错误" });
    }

    if (req.method === "POST" && url.pathname === "/v3/refund/domestic/refunds") return applyRefund(body, res);
    const q = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && q) return queryRefund(decodeURIComponent(q[1]!), res);
    if (req.method === "GET" && url.pathname === "/v3/bill/tradebill") return tradeBill(url, res);
    if (req.method === "GET" && url.pathname === "/v3/billdownload/file") {
      const bill = bills.get(url.searchParams.get("token") ?? "");
      if (bill === undefined) return answer(res, 400, { code: "PARAM_ERROR", message: "token无效" });
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      return res.end(bill);
    }
    return answer(res, 404, { code: "RESOURCE_NOT_EXISTS", message: "无可用的接口" });
  }

  async function applyRefund(body: string, res: ServerResponse) {
    let p: {
      out_trade_no?: unknown;
      transaction_id?: unknown;
      out_refund_no?: unknown;
      reason?: unknown;
      notify_url?: unknown;
      amount?: { refund?: unknown; total?: unknown; currency?: unknown };
    };
    try {
      p = JSON.parse(body) as typeof p;
    } catch {
      return answer(res, 400, { code: "PARAM_ERROR", message: "请求体不是合法的JSON" });
    }
    const paramError = (message: string) => answer(res, 400, { code: "PARAM_ERROR", message });
    const outRefundNo = typeof p.out_refund_no === "string" ? p.out_refund_no : "";
    if (!/^[0-9A-Za-z_\-|*@]{1,64}$/.test(outRefundNo)) return paramError("out_refund_no 格式不正确");
    const outTradeNo = typeof p.out_trade_no === "string" && p.out_trade_no ? p.out_trade_no : undefined;
    const transactionId = typeof p.transaction_id === "string" && p.transaction_id ? p.transaction_id : undefined;
    if (!outTradeNo && !transactionId) return paramError("out_trade_no 与 transaction_id 二选一必填");
    const refundFen = p.amount?.refund;
    const totalFen = p.amount?.total;
    if (!Number.isInteger(refundFen) || (refundFen as number) < 1) return paramError("amount.refund 须为正整数（分）");
    if (!Number.isInteger(totalFen) || (totalFen as number) < 1) return paramError("amount.total 须为正整数（分）");
    if (p.amount?.currency !== "CNY") return paramError("amount.currency 仅支持 CNY");
    if ((refundFen as number) > (totalFen as number)) return paramError("退款金额不能大于订单金额");
    if (p.reason !== undefined && (typeof p.reason !== "string" || [...p.reason].length > 80)) return paramError("reason 长度不能超过80");
    let notifyUrl: string | null = null;
    if (p.notify_url !== undefined) {
      if (typeof p.notify_url !== "string" || !/^https?:\/\//.test(p.notify_url) || p.notify_url.includes("?")) return paramError("notify_url 格式不正确（须为不带参数的URL）");
      notifyUrl = p.notify_url;
    }

    const existing = ledger.refunds.get(outRefundNo);
    const fault = ledger.takeFault(outRefundNo, existing ? "retry" : "new");
    if (fault?.mode === "server_error") return answer(res, 500, { code: "SYSTEM_ERROR", message: "系统超时，请使用相同参数稍后重新调用" });

    let refund: SandboxRefund;
    if (existing) {
      const sameTrade = (outTradeNo ?? existing.outTradeNo) === existing.outTradeNo || transactionId === existing.transactionId;
      if (!sameTrade || existing.entry.amountFen !== refundFen || existing.totalFen !== totalFen) {
        return answer(res, 400, { code: "INVALID_REQUEST", message: "同一商户退款单号的请求参数与之前不一致" });
      }
      existing.entry.requests += 1;
      refund = existing;
    } else {
      const { key, known } = ledger.trade(outTradeNo, transactionId);
      if (known && known.totalFen !== totalFen) return paramError("amount.total 与原订单金额不一致");
      if (ledger.refundedFen(key) + (refundFen as number) > (totalFen as number)) {
        return answer(res, 400, { code: "INVALID_REQUEST", message: "申请退款金额超过订单可退金额" });
      }
      if (balanceFen !== null && (refundFen as number) > balanceFen) {
        return answer(res, 403, { code: "NOT_ENOUGH", message: "基本账户余额不足，请充值后重新发起" });
      }
      if (balanceFen !== null) balanceFen -= refundFen as number;
      refund = ledger.create({ outRefundNo, outTradeNo, transactionId, refundFen: refundFen as number, totalFen: totalFen as number, notifyUrl }, fault);
      if (refund.entry.status === "SUCCESS") notify(refund);
      else if (refund.endsAs !== "SUCCESS") later(50, () => settle(refund, refund.endsAs));
    }
    const view = refundView(refund);
    if (fault?.mode === "timeout") {
      // Paid and recorded; the answer comes long after any sane client timeout.
      return later((fault.delaySeconds ?? 30) * 1000, () => {
        if (!res.destroyed) answer(res, 200, view);
      });
    }
    return answer(res, 200, view);
  }

  function queryRefund(outRefundNo: string, res: ServerResponse) {
    const fault = ledger.takeFault(outRefundNo, "query");
    if (fault?.mode === "server_error") return answer(res, 500, { code: "SYSTEM_ERROR", message: "系统超时，请稍后重试" });
    if (fault?.mode === "timeout") {
      return later((fault.delaySeconds ?? 30) * 1000, () => {
        if (!res.destroyed) respondToQuery(outRefundNo, res);
      });
    }
    return respondToQuery(outRefundNo, res);
  }

  function respondToQuery(outRefundNo: string, res: ServerResponse) {
    const refund = ledger.refunds.get(outRefundNo);
    if (!refund) return answer(res, 404, { code: "RESOURCE_NOT_EXISTS", message: "退款单不存在" });
    if (refund.entry.status === "PROCESSING" && refund.endsAs === "SUCCESS") {
      if (refund.processingQueriesLeft > 0) refund.processingQueriesLeft -= 1;
      else settle(refund, "SUCCESS");
    }
    return answer(res, 200, refundView(refund));
  }

  function settle(refund: SandboxRefund, to: "SUCCESS" | "CLOSED" | "ABNORMAL") {
    if (refund.entry.status !== "PROCESSING") return;
    refund.entry.status = to;
    if (to === "CLOSED" && balanceFen !== null) balanceFen += refund.entry.amountFen;
    if (to === "SUCCESS") refund.entry.succeededAt = new Date().toISOString();
    notify(refund);
  }

  function tradeBill(url: URL, res: ServerResponse) {
    const day = url.searchParams.get("bill_date") ?? "";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return answer(res, 400, { code: "PARAM_ERROR", message: "bill_date 格式不正确" });
    const type = url.searchParams.get("bill_type") ?? "ALL";
    if (type !== "REFUND") return answer(res, 400, { code: "PARAM_ERROR", message: "沙箱只提供 bill_type=REFUND 的账单" });
    const refunds = [...ledger.refunds.values()].filter((r) => beijingDay(r.entry.createdAt) === day);
    if (refunds.length === 0) return answer(res, 400, { code: "NO_STATEMENT_EXIST", message: "账单不存在" });
    const bill = refundBill(refunds, mchid);
    const token = randomBytes(16).toString("hex");
    bills.set(token, bill);
    return answer(res, 200, { hash_type: "SHA1", hash_value: sha1Hex(Buffer.from(bill, "utf8")), download_url: `${endpoint}/v3/billdownload/file?token=${token}` });
  }

  function refundView(r: SandboxRefund) {
    const e = r.entry;
    return {
      refund_id: e.gatewayRefundId,
      out_refund_no: e.outRefundNo,
      transaction_id: r.transactionId,
      out_trade_no: r.outTradeNo,
      channel: "ORIGINAL",
      user_received_account: "支付用户零钱",
      ...(e.succeededAt ? { success_time: beijingRfc3339(new Date(e.succeededAt)) } : {}),
      create_time: beijingRfc3339(new Date(e.createdAt)),
      status: e.status,
      funds_account: "AVAILABLE",
      amount: { total: r.totalFen, refund: e.amountFen, from: [], payer_total: r.totalFen, payer_refund: e.amountFen, settlement_refund: e.amountFen, settlement_total: r.totalFen, discount_refund: 0, currency: "CNY", refund_fee: 0 },
      promotion_detail: [],
    };
  }

  // ---- notifications -------------------------------------------------------------------------

  const EVENTS = { SUCCESS: ["REFUND.SUCCESS", "退款成功"], CLOSED: ["REFUND.CLOSED", "退款关闭"], ABNORMAL: ["REFUND.ABNORMAL", "退款异常"] } as const;

  function notificationBody(r: SandboxRefund, key = apiV3Key): { body: string; eventType: string } {
    const status = r.entry.status === "PROCESSING" ? "SUCCESS" : r.entry.status;
    const [eventType, summary] = EVENTS[status];
    const resource = {
      mchid,
      out_trade_no: r.outTradeNo,
      transaction_id: r.transactionId,
      out_refund_no: r.entry.outRefundNo,
      refund_id: r.entry.gatewayRefundId,
      refund_status: status,
      ...(r.entry.succeededAt ? { success_time: beijingRfc3339(new Date(r.entry.succeededAt)) } : {}),
      user_received_account: "支付用户零钱",
      amount: { total: r.totalFen, refund: r.entry.amountFen, payer_total: r.totalFen, payer_refund: r.entry.amountFen },
    };
    const body = JSON.stringify({
      id: randomUUID(),
      create_time: beijingRfc3339(new Date()),
      resource_type: "encrypt-resource",
      event_type: eventType,
      summary,
      resource: encryptResource(JSON.stringify(resource), key),
    });
    return { body, eventType };
  }

  function signedNotification(r: SandboxRefund, variant: NotificationVariant): { headers: Record<string, string>; body: string; eventType: string } {
    const { body, eventType } = notificationBody(r, variant === "wrong_apiv3_key" ? randomBytes(24).toString("base64url") : apiV3Key);
    switch (variant) {
      case "forged":
        return { headers: wechatpayHeaders(body, rsaKeyPair().privateKey, platformKeyId), body, eventType };
      case "tampered": {
        const headers = wechatpayHeaders(body, platform.privateKey, platformKeyId);
        return { headers, body: body.replace(/"summary":"[^"]*"/, '"summary":"退款成功（已篡改）"').replace(/"event_type":"[^"]*"/, '"event_type":"REFUND.SUCCESS"'), eventType };
      }
      case "wrong_serial":
        return { headers: wechatpayHeaders(body, platform.privateKey, `PUB_KEY_ID_${randomBytes(12).toString("hex")}`), body, eventType };
      case "old_timestamp":
        return { headers: wechatpayHeaders(body, platform.privateKey, platformKeyId, Date.now() - 10 * 60_000), body, eventType };
      default:
        return { headers: wechatpayHeaders(body, platform.privateKey, platformKeyId), body, eventType };
    }
  }

  function notify(r: SandboxRefund) {
    if (!r.notifyUrl || r.notify.kind === "none") return;
    const plan = r.notify;
    const signKey: KeyObject = plan.kind === "bad_signature" ? rsaKeyPair().privateKey : platform.privateKey;
    const { body, eventType } = notificationBody(r);
    const headers = wechatpayHeaders(body, signKey, platformKeyId);
    const first = plan.kind === "late" ? plan.delaySeconds * 1000 : 10;
    const deliver = (attempt: number, then?: () => void) =>
      later(attempt === 1 ? first : retryDelays[attempt - 2]!, () => {
        void post(r.notifyUrl!, headers, body).then((status) => {
          sent.push({ outRefundNo: r.entry.outRefundNo, eventType, attempt, status, signatureValid: plan.kind !== "bad_signature", at: new Date().toISOString() });
          const ok = status !== null && status >= 200 && status < 300;
          if (!ok && attempt <= retryDelays.length) deliver(attempt + 1, then);
          else then?.();
        });
      });
    // notify_twice: the same notification (same id, same signature) arrives again right after.
    deliver(1, plan.kind === "twice" ? () => later(10, () => void post(r.notifyUrl!, headers, body).then((status) => sent.push({ outRefundNo: r.entry.outRefundNo, eventType, attempt: 1, status, signatureValid: true, at: new Date().toISOString() }))) : undefined);
  }

  // ---- control API ----------------------------------------------------------------------------

  function control(method: string, url: URL, body: string, res: ServerResponse) {
    const json = (): Record<string, unknown> => {
      try {
        return body ? (JSON.parse(body) as Record<string, unknown>) : {};
      } catch {
        return {};
      }
    };
    if (method === "GET" && url.pathname === "/sandbox/ledger") return plain(res, 200, { entries: ledger.entries() });
    if (method === "GET" && url.pathname === "/sandbox/notifications") return plain(res, 200, { sent });
    if (method === "POST" && url.pathname === "/sandbox/reset") {
      ledger.resetFaults();
      return plain(res, 200, { ok: true });
    }
    if (method === "POST" && url.pathname === "/sandbox/faults") {
      const f = json() as Partial<FaultRequest>;
      if (!f.mode || !(FAULT_MODES as readonly string[]).includes(f.mode)) return plain(res, 400, { error: `mode must be one of ${FAULT_MODES.join(", ")}` });
      if (f.times !== undefined && (!Number.isInteger(f.times) || f.times < 0)) return plain(res, 400, { error: "times must be a whole number" });
      if (f.delaySeconds !== undefined && !(typeof f.delaySeconds === "number" && f.delaySeconds >= 0)) return plain(res, 400, { error: "delaySeconds must be ≥ 0" });
      ledger.arm({ mode: f.mode, ...(typeof f.outRefundNo === "string" ? { outRefundNo: f.outRefundNo } : {}), ...(f.times !== undefined ? { times: f.times } : {}), ...(f.delaySeconds !== undefined ? { delaySeconds: f.delaySeconds } : {}) });
      return plain(res, 200, { ok: true });
    }
    if (method === "POST" && url.pathname === "/sandbox/balance") {
      const { fen } = json() as { fen?: unknown };
      if (fen !== null && !(Number.isInteger(fen) && (fen as number) >= 0)) return plain(res, 400, { error: "fen must be a whole number ≥ 0, or null for unlimited" });
      balanceFen = fen as number | null;
      return plain(res, 200, { ok: true });
    }
    if (method === "POST" && url.pathname === "/sandbox/notifications/sign") {
      const { outRefundNo, variant } = json() as { outRefundNo?: string; variant?: NotificationVariant };
      const r = outRefundNo ? ledger.refunds.get(outRefundNo) : undefined;
      if (!r) return plain(res, 404, { error: "no refund with that outRefundNo in the ledger" });
      return plain(res, 200, signedNotification(r, variant ?? "good"));
    }
    return plain(res, 404, { error: "unknown control endpoint" });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  endpoint = `http://${host}:${port}`;
  const oneLine = (pem: string) => pem.trim().replace(/\n/g, "\\n");
  return {
    endpoint,
    port,
    ledger: () => ledger.entries(),
    appEnv: () => ({
      WECHATPAY_BASE_URL: endpoint,
      WECHATPAY_MCHID: mchid,
      WECHATPAY_MERCHANT_SERIAL: merchantSerial,
      WECHATPAY_PRIVATE_KEY: oneLine(merchant.privatePem),
      WECHATPAY_PLATFORM_PUBLIC_KEY: oneLine(platform.publicPem),
      WECHATPAY_PLATFORM_KEY_ID: platformKeyId,
      WECHATPAY_APIV3_KEY: apiV3Key,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** POSTs a notification; the app's HTTP status, or null when it could not be reached. */
async function post(url: string, headers: Record<string, string>, body: string): Promise<number | null> {
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return null;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Run directly: start on --port (default 4030) and print the variables the app needs. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const i = process.argv.indexOf("--port");
  const port = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.WECHATPAY_SANDBOX_PORT ?? 4030);
  const r = process.argv.indexOf("--notify-retry-ms");
  const sandbox = await startWechatPaySandbox({ port, ...(r > 0 ? { notifyRetryDelaysMs: process.argv[r + 1]!.split(",").map(Number) } : {}) });
  console.log(`WeChat Pay sandbox on ${sandbox.endpoint} (ledger: ${sandbox.endpoint}/sandbox/ledger). Start the app with:`);
  for (const [k, v] of Object.entries(sandbox.appEnv())) console.log(`${k}=${v}`);
  console.log("WECHATPAY_SANDBOX_READY=1");
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
