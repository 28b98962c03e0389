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
