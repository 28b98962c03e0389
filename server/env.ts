import { z } from "zod";

/**
 * The one place that reads process.env. Parsed lazily so that `next build` (which imports
 * server modules to collect page data) does not need runtime secrets.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Any PostgreSQL. Unset → scripts start the embedded server and set it for the app. */
  DATABASE_URL: z.string().url().optional(),
  /** Folder for the embedded database, uploads and generated secrets. */
  DATA_DIR: z.string().default(".data"),
  AUTH_SECRET: z.string().min(32).optional(),
  AUTH_URL: z.string().url().optional(),
  /** `none` = dev/demo: codes go to the sms_outbox table and the server log only. */
  SMS_PROVIDER: z.enum(["none"]).default("none"),
  /** Trust X-Forwarded-For for rate limits (only behind a proxy you control). */
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** Evidence photos: `local` = DATA_DIR/uploads; `s3` = any S3-compatible store (AWS S3, Aliyun OSS, Tencent COS, MinIO). */
  STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(["0", "1", "true", "false"]).default("0"),
  /** Set by `npm start` / the tests on the embedded database: demo helpers such as showing the SMS code. */
  DEMO_MODE: z.enum(["0", "1"]).default("0"),
  /** The server cancels one statement of the app after this long (PostgreSQL statement_timeout). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** The server ends an app session left idle inside a transaction after this long (idle_in_transaction_session_timeout). */
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** A new database connection gives up after this many seconds (the database host is down or unreachable). */
  DB_CONNECT_TIMEOUT_SECONDS: z.coerce.number().positive().default(5),
  /** Every API request is answered within this long: past it, 503 with Retry-After (docs/decisions/020-database-failure.md). */
  REQUEST_DEADLINE_MS: z.coerce.number().int().positive().default(15_000),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= schema.parse(process.env);
  return cached;
}

/**
 * True in the demo set-up only: no SMS provider and DEMO_MODE=1 (set by the scripts that run
 * the embedded database). A production deployment never sets DEMO_MODE.
 */
export function isDemoSms(): boolean {
  const e = env();
  return e.SMS_PROVIDER === "none" && e.DEMO_MODE === "1";
}
