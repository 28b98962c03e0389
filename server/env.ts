import { z } from "zod";

/**
 * The one place that reads process.env. Parsed lazily so that `next build` (which imports
 * server modules to collect page data) does not need runtime secrets.
 */
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
  /**
   * Demo conveniences: SMS codes shown, demo accounts listed, the simulated payment gateway.
   * Set only by the demo commands (`npm run demo`, `npm run dev`, the e2e server); never by the
   * kind of database (docs/decisions/012-demo-versus-production.md).
   */
  DEMO_MODE: z.enum(["0", "1"]).default("0"),
  /**
   * Under NODE_ENV=production the server refuses DEMO_MODE=1 unless this is `i-understand`.
   * `npm run demo` sets it (its `next start` is a production server); a shop never should.
   */
  ALLOW_DEMO_IN_PRODUCTION: z.string().optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= schema.parse(process.env);
  return cached;
}

/** The one value of ALLOW_DEMO_IN_PRODUCTION that lets demo mode run on a production server. */
export const DEMO_IN_PRODUCTION_OVERRIDE = "i-understand";

/**
 * True in the demo set-up only: no SMS provider and DEMO_MODE=1 (set by the scripts that run
 * the embedded database). A production deployment never sets DEMO_MODE.
 */
export function isDemoSms(): boolean {
  const e = env();
  return e.SMS_PROVIDER === "none" && e.DEMO_MODE === "1";
}
