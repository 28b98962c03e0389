import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { CUSTOMER_KEY_POINTS } from "../../server/domain/notification-plan";
import { LOCALES } from "../../server/i18n/locale";
import { SMS_TEXTS, smsTemplateVariable } from "../../server/notifications/templates/sms";
import { decodeQuery, expectedSignature, parseAuthorization, sameSignature, sha256Hex } from "./acs3-signature";
import { readBody } from "./read-body";

/**
 * A local stand-in for Aliyun SMS (dysmsapi 2017-05-25), as a separate HTTP server: it answers
 * SendSms as Aliyun does — the request signed with ACS3-HMAC-SHA256 by the official SDK, checked
 * against the AccessKey it issued; a bad signature or unknown key refused with Aliyun's error
 * body — and keeps what it "delivered" in memory. GET /inbox?phone=… is the phone's screen: the
 * demo and the tests read codes there, never from the app's database or log.
 *
 * Standalone: `npx tsx scripts/sandboxes/aliyun-sms.ts [--port 4010]` prints the app's env lines.
 * From code: `const sms = await startSmsSandbox({ port: 0 })` then `sms.appEnv()`.
 */

export interface SandboxMessage {
  phone: string;
  signName: string;
  templateCode: string;
  params: Record<string, string>;
  /** The message as the phone shows it: 【sign】 + the template filled in. */
  text: string;
  /** The sender's own id for the message (OutId), when it gave one. */
  outId?: string;
  bizId: string;
  receivedAt: string;
}

export interface SmsSandboxOptions {
  /** 0 = any free port. */
  port?: number;
  host?: string;
  /** The one AccessKey this sandbox accepts; generated when not given. */
  accessKeyId?: string;
  accessKeySecret?: string;
  /** The approved signature; a SendSms with another SignName is refused like Aliyun does. */
  signName?: string;
  /** Approved templates (code → text with ${param}); others are refused with isv.SMS_TEMPLATE_ILLEGAL. */
  templates?: Record<string, string>;
}

export interface SmsSandbox {
  /** http://127.0.0.1:PORT — the app's ALIYUN_SMS_ENDPOINT. */
  endpoint: string;
  port: number;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** The verification-code template this sandbox knows (the app's ALIYUN_SMS_TEMPLATE_CODE). */
  codeTemplate: string;
  /** Messages received for a phone (oldest first), or all of them. */
  inbox(phone?: string): SandboxMessage[];
  /** What the app needs to send through this sandbox. */
  appEnv(): Record<string, string>;
  close(): Promise<void>;
}

export const SANDBOX_CODE_TEMPLATE = "SMS_SANDBOX_CODE";

/**
 * The notification templates as the shop would register them (server/notifications/templates/sms.ts),
 * "approved" here under codes named after their variables: SMS_TEMPLATE_SUBMITTED_EN → SMS_SANDBOX_SUBMITTED_EN.
 */
const NOTIFICATION_TEMPLATES = CUSTOMER_KEY_POINTS.flatMap((key) =>
  LOCALES.map((locale) => ({ variable: smsTemplateVariable(key, locale), code: smsTemplateVariable(key, locale).replace("SMS_TEMPLATE_", "SMS_SANDBOX_"), text: SMS_TEXTS[key][locale] })),
);

const DEFAULT_TEMPLATES: Record<string, string> = {
  [SANDBOX_CODE_TEMPLATE]: "您的验证码为${code}，5分钟内有效，请勿泄露于他人！",
  ...Object.fromEntries(NOTIFICATION_TEMPLATES.map((t) => [t.code, t.text])),
};
const MAX_SKEW_MS = 15 * 60_000;
const HOST_ID = "dysmsapi.aliyuncs.com";

export async function startSmsSandbox(options: SmsSandboxOptions = {}): Promise<SmsSandbox> {
  const accessKeyId = options.accessKeyId ?? `LTAI${randomBytes(10).toString("hex")}`;
  const accessKeySecret = options.accessKeySecret ?? randomBytes(24).toString("base64url");
  const signName = options.signName ?? "退换货";
  const templates = options.templates ?? DEFAULT_TEMPLATES;
  const messages: SandboxMessage[] = [];
  // Aliyun refuses a SignatureNonce seen before (replay); remembered for the allowed clock skew.
  const nonces = new Map<string, number>();

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, { Code: "InternalError", Message: "The request processing has failed due to some unknown error." }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://sandbox");
    if (req.method === "GET" && url.pathname === "/inbox") {
      const phone = url.searchParams.get("phone") ?? undefined;
      return send(res, 200, { messages: phone ? messages.filter((m) => m.phone === phone) : messages });
    }
    if (req.method === "GET" && url.pathname === "/health") return send(res, 200, { ok: true });

    const body = await readBody(req, 64 * 1024);
    if (body === null) return send(res, 413, aliyunError("RequestTooLarge", "The request body is too large."));
    const requestId = randomUUID().toUpperCase();
    const refuse = (status: number, code: string, message: string) => send(res, status, { RequestId: requestId, HostId: HOST_ID, Code: code, Message: message, Recommend: `https://api.aliyun.com/troubleshoot?q=${code}` });

    const auth = parseAuthorization(header(req, "authorization"));
    if (!auth) return refuse(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");
    if (auth.accessKeyId !== accessKeyId) return refuse(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    const required = ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"];
    if (required.some((h) => !auth.signedHeaders.includes(h) || !header(req, h))) {
      return refuse(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");
    }
    const payloadHash = sha256Hex(body);
    if (header(req, "x-acs-content-sha256") !== payloadHash) return refuse(400, "SignatureDoesNotMatch", "Specified signature does not match our calculation.");
    const queryStart = (req.url ?? "").indexOf("?");
    const rawQuery = queryStart < 0 ? "" : (req.url ?? "").slice(queryStart + 1);
    const query = decodeQuery(rawQuery);
    const expected = expectedSignature({
      method: req.method ?? "GET",
      path: url.pathname,
      query,
      headers: req.headers,
      signedHeaders: auth.signedHeaders,
      payloadHash,
      secret: accessKeySecret,
    });
    if (!sameSignature(expected, auth.signature)) return refuse(400, "SignatureDoesNotMatch", "Specified signature does not match our calculation.");

    const date = Date.parse(header(req, "x-acs-date") ?? "");
    if (!Number.isFinite(date)) return refuse(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
    if (Math.abs(Date.now() - date) > MAX_SKEW_MS) return refuse(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
    const nonce = header(req, "x-acs-signature-nonce")!;
    for (const [n, at] of nonces) if (Date.now() - at > MAX_SKEW_MS) nonces.delete(n);
    if (nonces.has(nonce)) return refuse(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
    nonces.set(nonce, Date.now());

    if (header(req, "x-acs-action") !== "SendSms" || header(req, "x-acs-version") !== "2017-05-25") {
      return refuse(404, "InvalidApi.NotFound", "Specified api is not found, please check your url and method.");
    }
    // From here on Aliyun answers HTTP 200 with its business code in the body.
    const params = new Map(query);
    const ok = (extra: Record<string, string>) => send(res, 200, { RequestId: requestId, ...extra });
    const phone = params.get("PhoneNumbers") ?? "";
    const template = params.get("TemplateCode") ?? "";
    if (!/^(?:\+?86)?1\d{10}$/.test(phone)) return ok({ Code: "isv.MOBILE_NUMBER_ILLEGAL", Message: "非法手机号" });
    if (params.get("SignName") !== signName) return ok({ Code: "isv.SMS_SIGNATURE_ILLEGAL", Message: "该账号下找不到对应签名" });
    const text = templates[template];
    if (text === undefined) return ok({ Code: "isv.SMS_TEMPLATE_ILLEGAL", Message: "该账号下找不到对应模板" });
    let values: Record<string, string>;
    try {
      values = JSON.parse(params.get("TemplateParam") ?? "{}") as Record<string, string>;
    } catch {
      return ok({ Code: "isv.INVALID_JSON_PARAM", Message: "JSON参数不合法，只接受字符串值" });
    }
    const names = [...text.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]!);
    if (names.some((n) => typeof values[n] !== "string")) return ok({ Code: "isv.TEMPLATE_MISSING_PARAMETERS", Message: "模板缺少变量" });
    const bizId = `${Date.now()}^${randomBytes(4).readUInt32BE(0)}`;
    messages.push({
      phone: phone.slice(-11),
      signName,
      templateCode: template,
      params: values,
      text: `【${signName}】${text.replace(/\$\{(\w+)\}/g, (_, n: string) => values[n] ?? "")}`,
      bizId,
      ...(params.get("OutId") ? { outId: params.get("OutId")! } : {}),
      receivedAt: new Date().toISOString(),
    });
    return ok({ Message: "OK", BizId: bizId, Code: "OK" });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://${options.host ?? "127.0.0.1"}:${port}`;
  return {
    endpoint,
    port,
    accessKeyId,
    accessKeySecret,
    signName,
    codeTemplate: SANDBOX_CODE_TEMPLATE,
    inbox: (phone) => (phone ? messages.filter((m) => m.phone === phone) : [...messages]),
    appEnv: () => ({
      SMS_PROVIDER: "sandbox",
      ALIYUN_SMS_ENDPOINT: endpoint,
      ALIYUN_ACCESS_KEY_ID: accessKeyId,
      ALIYUN_ACCESS_KEY_SECRET: accessKeySecret,
      ALIYUN_SMS_SIGN_NAME: signName,
      ...Object.fromEntries(NOTIFICATION_TEMPLATES.filter((t) => t.code in templates).map((t) => [t.variable, t.code])),
      // Last: spawn-aliyun-sms.ts takes this line as "ready".
      ALIYUN_SMS_TEMPLATE_CODE: SANDBOX_CODE_TEMPLATE,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function aliyunError(code: string, message: string) {
  return { RequestId: randomUUID().toUpperCase(), HostId: HOST_ID, Code: code, Message: message };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json;charset=utf-8" });
  res.end(JSON.stringify(body));
}

/** Run directly: start on --port (default 4010) and print the variables the app needs. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const i = process.argv.indexOf("--port");
  const port = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.SMS_SANDBOX_PORT ?? 4010);
  const sandbox = await startSmsSandbox({
    port,
    accessKeyId: process.env.SMS_SANDBOX_ACCESS_KEY_ID,
    accessKeySecret: process.env.SMS_SANDBOX_ACCESS_KEY_SECRET,
  });
  console.log(`Aliyun SMS sandbox on ${sandbox.endpoint} (inbox: ${sandbox.endpoint}/inbox?phone=…). Start the app with:`);
  for (const [k, v] of Object.entries(sandbox.appEnv())) console.log(`${k}=${v}`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
