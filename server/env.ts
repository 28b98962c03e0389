import { z } from "zod";

/**
 * The one place that reads process.env. Parsed lazily so that `next build` (which imports
 * server modules to collect page data) does not need runtime secrets.
 */
/** An Aliyun template code (SMS_123456789). */
const smsTemplate = z.string().regex(/^[A-Za-z0-9_]{1,64}$/, "an approved template code, e.g. SMS_123456789").optional();

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /**
   * Any PostgreSQL, signing in as the app's role (rows only: no ownership, no TRIGGER right;
   * docs/decisions/013-database-roles.md). Unset → scripts start the embedded server and set it
   * for the app. Migrations run as DATABASE_OWNER_URL, which only the scripts read (never the app).
   */
  DATABASE_URL: z.string().url().optional(),
  /** Folder for the embedded database, uploads and generated secrets. */
  DATA_DIR: z.string().default(".data"),
  AUTH_SECRET: z.string().min(32).optional(),
  AUTH_URL: z.string().url().optional(),
  /**
   * Key material (≥ 32 characters) for encrypting staff TOTP secrets at rest (AES-256-GCM).
   * Unset → derived from AUTH_SECRET. Set it to rotate AUTH_SECRET without re-enrolling everyone.
   */
  TOTP_ENCRYPTION_KEY: z.string().min(32).optional(),
  /**
   * Who delivers SMS (verification codes, later notifications). `aliyun` = Aliyun SMS
   * (dysmsapi); `sandbox` = the same Aliyun protocol against the local sandbox process
   * (scripts/sandboxes/aliyun-sms.ts), for the demo and tests only; `none` = nothing is sent
   * (the demo shows codes on the page; outside the demo customers cannot sign in).
   * Production without demo refuses to start unless this is `aliyun` with the ALIYUN_* below.
   */
  SMS_PROVIDER: z.enum(["none", "aliyun", "sandbox"]).default("none"),
  /** Where SendSms goes: `https://dysmsapi.aliyuncs.com` (default) or the sandbox's `http://127.0.0.1:PORT`. */
  ALIYUN_SMS_ENDPOINT: z.string().url().optional(),
  ALIYUN_ACCESS_KEY_ID: z.string().min(1).optional(),
  ALIYUN_ACCESS_KEY_SECRET: z.string().min(1).optional(),
  /** The approved signature shown as 【…】 in front of every message, e.g. 退换货. */
  ALIYUN_SMS_SIGN_NAME: z.string().min(1).optional(),
  /** The approved verification-code template (e.g. SMS_123456789); it must take a `${code}` parameter. */
  ALIYUN_SMS_TEMPLATE_CODE: z.string().min(1).optional(),
  /**
   * Customer SMS notifications (docs/decisions/032): the approved template code of each key point,
   * zh-CN (SMS_TEMPLATE_<KEY>) and English (…_EN; unset → English-speaking customers get the zh-CN
   * one). The texts to register are in server/notifications/templates/sms.ts; each takes `${rma}`.
   * A key point without a code sends no SMS (the worker says so in its log); SMS_PROVIDER=none sends none.
   */
  SMS_TEMPLATE_SUBMITTED: smsTemplate,
  SMS_TEMPLATE_SUBMITTED_EN: smsTemplate,
  SMS_TEMPLATE_NEEDS_INFO: smsTemplate,
  SMS_TEMPLATE_NEEDS_INFO_EN: smsTemplate,
  SMS_TEMPLATE_APPROVED_SHIP: smsTemplate,
  SMS_TEMPLATE_APPROVED_SHIP_EN: smsTemplate,
  SMS_TEMPLATE_REFUND_APPROVED: smsTemplate,
  SMS_TEMPLATE_REFUND_APPROVED_EN: smsTemplate,
  SMS_TEMPLATE_RECEIVED: smsTemplate,
  SMS_TEMPLATE_RECEIVED_EN: smsTemplate,
  SMS_TEMPLATE_REFUNDED: smsTemplate,
  SMS_TEMPLATE_REFUNDED_EN: smsTemplate,
  SMS_TEMPLATE_REJECTED: smsTemplate,
  SMS_TEMPLATE_REJECTED_EN: smsTemplate,
  /**
   * Staff e-mail (nodemailer): smtp://user:pass@host:587 (STARTTLS when the server offers it) or
   * smtps://user:pass@host:465. Unset → no e-mail deliveries (staff channels of kind e-mail wait).
   */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "smtp:// or smtps://").optional(),
  /** The sender of staff e-mail, e.g. `退换货 <returns@shop.example.com>`; required with SMTP_URL. */
  MAIL_FROM: z.string().min(3).optional(),
  /** The language of staff messages (WeCom robots, e-mail). */
  NOTIFY_STAFF_LOCALE: z.enum(["zh-CN", "en"]).default("zh-CN"),
  /** One webhook / WeCom / SMTP attempt gives up after this long (then it is retried with back-off). */
  NOTIFY_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(10_000),
  /** Global cap on verification SMS sent per hour by the whole shop (the merchant pays per message). */
  SMS_MAX_SENDS_PER_HOUR: z.coerce.number().int().min(1).default(2000),
  /** Proof-of-work difficulty (leading zero bits of SHA-256) asked after repeated failures; 14 ≈ 16,000 hashes on average, under a second with Web Crypto on a mid-range phone. */
  CHALLENGE_BITS: z.coerce.number().int().min(1).max(26).default(14),
  /**
   * How the app learns a client's address (per-IP limits depend on it; see docs/decisions/015):
   * `0` = browsers connect to this server directly, the TCP peer is the client; `N` = N reverse
   * proxies in front, each appending to X-Forwarded-For, and the entry the outermost one appended
   * is the client. Required under NODE_ENV=production; `0` elsewhere when unset.
   */
  TRUST_PROXY_HOPS: z
    .string()
    .regex(/^\d{1,2}$/, "a whole number of proxies (0 = none)")
    .transform(Number)
    .optional(),
  /** Replaced by TRUST_PROXY_HOPS; still read so that an old `TRUST_PROXY=1` stops the start instead of being ignored. */
  TRUST_PROXY: z.string().optional(),
  /** Port of the app's HTTP server (server/http/main.ts). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Evidence photos: `local` = DATA_DIR/uploads; `s3` = any S3-compatible store (AWS S3, Aliyun OSS, Tencent COS, MinIO). */
  STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(["0", "1", "true", "false"]).default("0"),
  /**
   * Demo conveniences: SMS codes shown, demo accounts listed, the simulated payment gateway.
   * Set only by the demo commands (`npm run demo`, `npm run dev`, the e2e server); never by the
   * kind of database (docs/decisions/012-demo-versus-production.md).
   */
  DEMO_MODE: z.enum(["0", "1"]).default("0"),
  /**
   * Under NODE_ENV=production the server refuses DEMO_MODE=1 unless this is `i-understand`.
   * `npm run demo` sets it (its app server is a production server); a shop never should.
   */
  ALLOW_DEMO_IN_PRODUCTION: z.string().optional(),
  /**
   * A customer session unused for this many days ends (and the worker deletes it). 30: a
   * customer checks a return every few days while it runs; a lost phone is signed out within a month.
   */
  CUSTOMER_SESSION_IDLE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /**
   * Days after a request closed before its personal data (name, phone, notes, tracking number,
   * photos) is anonymised. 1095 = 3 years: the E-Commerce Law (art. 31) keeps transaction records
   * at least 3 years from completion and a civil claim about the sale runs 3 years (Civil Code
   * art. 188); PIPL art. 19 asks for no longer than needed. Amounts and the history's hashes stay
   * (docs/decisions/018-personal-data.md).
   */
  PERSONAL_DATA_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(1095),
  /**
   * Alipay refunds (docs/decisions/022-alipay-refunds.md): all three of ALIPAY_APP_ID,
   * ALIPAY_PRIVATE_KEY and ALIPAY_PUBLIC_KEY, or none (then no Alipay gateway; partly set stops
   * the start). The application ID from Alipay's open platform (16 digits).
   */
  ALIPAY_APP_ID: z.string().regex(/^\d{16}$/, "Alipay's 16-digit application ID").optional(),
  /**
   * The application's RSA2 private key: PEM, or the one-line base64 that Alipay's key tool prints
   * (PKCS#8 or PKCS#1); a PEM may be written on one line with `\n` escapes. Keep it in a secret store.
   */
  ALIPAY_PRIVATE_KEY: z.string().min(1).optional(),
  /** Alipay's public key (not the application's own), shown in the open platform's key settings: PEM or one-line base64. */
  ALIPAY_PUBLIC_KEY: z.string().min(1).optional(),
  /**
   * Alipay's openapi gateway: https://openapi.alipay.com/gateway.do (default). The demo and tests
   * point it at the sandbox process (http://127.0.0.1:PORT/gateway.do); a production server
   * refuses a loopback or non-https URL.
   */
  ALIPAY_GATEWAY_URL: z.string().url().default("https://openapi.alipay.com/gateway.do"),
  /** An Alipay call unanswered after this long is given up and its refund queried again later. */
  ALIPAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** The server cancels one statement of the app after this long (PostgreSQL statement_timeout). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** The server ends an app session left idle inside a transaction after this long (idle_in_transaction_session_timeout). */
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** A new database connection gives up after this many seconds (the database host is down or unreachable). */
  DB_CONNECT_TIMEOUT_SECONDS: z.coerce.number().positive().default(5),
  /**
   * The shop's public origin as the payment gateways reach it (e.g. https://shop.example.com):
   * refunds' notify_url is this plus /api/payments/alipay/notify or /api/payments/wechat-pay/notify.
   * Unset → AUTH_URL, else http://localhost:PORT (the demo and tests, where the sandboxes run locally).
   */
  PAYMENT_NOTIFY_BASE_URL: z.string().url().optional(),
  /** Every API request is answered within this long: past it, 503 with Retry-After (docs/decisions/020-database-failure.md). */
  REQUEST_DEADLINE_MS: z.coerce.number().int().positive().default(15_000),
  /**
   * WeChat Pay API v3 refunds (server/payments/wechat-pay/, docs/decisions/023-wechat-pay-refunds.md).
   * All of WECHATPAY_MCHID, _MERCHANT_SERIAL, _PRIVATE_KEY, _PLATFORM_PUBLIC_KEY, _PLATFORM_KEY_ID
   * and _APIV3_KEY, or none (WeChat Pay refunds off; partly set stops the start, see
   * server/payments/wechat-pay/from-env.ts). Keys are PEM text; in a one-line env file write the
   * line breaks as `\n`.
   * Where the v3 API lives: https://api.mch.weixin.qq.com (default), or the sandbox's
   * http://127.0.0.1:PORT in the demo and tests — a production server refuses anything but https
   * to a non-loopback host.
   */
  WECHATPAY_BASE_URL: z.string().url().default("https://api.mch.weixin.qq.com"),
  /** 商户号 (digits). */
  WECHATPAY_MCHID: z.string().regex(/^\d{6,32}$/, "the merchant number (商户号) is digits").optional(),
  /** Serial number of the merchant API certificate (商户API证书序列号), e.g. 5157F09EFDC096DE15EBE81A47057A72… */
  WECHATPAY_MERCHANT_SERIAL: z.string().regex(/^[0-9A-Fa-f]{8,64}$/, "a certificate serial number in hex").optional(),
  /** The merchant's API private key (apiclient_key.pem), PEM text. */
  WECHATPAY_PRIVATE_KEY: z.string().includes("PRIVATE KEY", { message: "a PEM private key (-----BEGIN PRIVATE KEY-----…)" }).optional(),
  /** WeChat Pay's public key (微信支付公钥, pub_key.pem), PEM text: it signs answers and notifications. */
  WECHATPAY_PLATFORM_PUBLIC_KEY: z.string().includes("PUBLIC KEY", { message: "a PEM public key (-----BEGIN PUBLIC KEY-----…)" }).optional(),
  /** The id of that public key (PUB_KEY_ID_…): answers and notifications carrying another Wechatpay-Serial are refused. */
  WECHATPAY_PLATFORM_KEY_ID: z.string().min(1).max(64).optional(),
  /** The APIv3 key (APIv3密钥): exactly 32 bytes; decrypts notifications. */
  WECHATPAY_APIV3_KEY: z
    .string()
    .refine((v) => Buffer.byteLength(v, "utf8") === 32, "the APIv3 key is exactly 32 bytes")
    .optional(),
  /** A WeChat Pay call without an answer after this long is `unknown` and the refund is queried later. */
  WECHATPAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /**
   * Structured logs (pino, one JSON object per line on stdout; docs/decisions/033-scale-out-operations.md):
   * the lowest level written. Unset → `info`, or `silent` under NODE_ENV=test (the test runners' output stays readable).
   */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  /**
   * Bearer token for GET /api/metrics (Prometheus format). Unset → the endpoint answers 404, so
   * metrics are never public by accident. At least 24 characters: it is a password.
   */
  METRICS_TOKEN: z.string().min(24).optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

const workerSchema = schema.pick({
  DATA_DIR: true,
  STORAGE_DRIVER: true,
  S3_BUCKET: true,
  S3_ENDPOINT: true,
  S3_REGION: true,
  S3_ACCESS_KEY_ID: true,
  S3_SECRET_ACCESS_KEY: true,
  S3_FORCE_PATH_STYLE: true,
  PERSONAL_DATA_RETENTION_DAYS: true,
  CUSTOMER_SESSION_IDLE_DAYS: true,
});
export type WorkerEnv = z.infer<typeof workerSchema>;

/**
 * What the worker's personal-data housekeeping needs (photo storage, retention, session idle
 * time), validated like the app's own, for a process that is not the app (a script's worker).
 */
export function workerEnv(source: Record<string, string | undefined>): WorkerEnv {
  return workerSchema.parse(source);
}

const logSchema = schema.pick({ NODE_ENV: true, LOG_LEVEL: true });

/**
 * The log level alone: every process logs (app server, worker, scripts), also one whose other
 * variables are not the app's (a script's worker), so this reads only what it needs.
 */
export function logLevel(source: Record<string, string | undefined> = process.env): NonNullable<Env["LOG_LEVEL"]> {
  const parsed = logSchema.safeParse(source);
  if (!parsed.success) return "info";
  return parsed.data.LOG_LEVEL ?? (parsed.data.NODE_ENV === "test" ? "silent" : "info");
}

/** Where the gateways send refund notifications (PAYMENT_NOTIFY_BASE_URL, else AUTH_URL, else this server on localhost). */
export function paymentNotifyBaseUrl(e: Env): string {
  return e.PAYMENT_NOTIFY_BASE_URL ?? e.AUTH_URL ?? `http://localhost:${e.PORT}`;
}

export function env(): Env {
  cached ??= envFrom(process.env);
  return cached;
}

/** The app's configuration from any set of variables, validated as env() does (for checks and tests). */
export function envFrom(source: Record<string, string | undefined>): Env {
  return schema.parse(source);
}

/** The one value of ALLOW_DEMO_IN_PRODUCTION that lets demo mode run on a production server. */
export const DEMO_IN_PRODUCTION_OVERRIDE = "i-understand";

/**
 * True in the demo set-up only (DEMO_MODE=1, set by the demo command): the SMS code is also
 * shown on the page. Outside it the code only ever travels by SMS.
 */
export function isDemoSms(): boolean {
  return env().DEMO_MODE === "1";
}
