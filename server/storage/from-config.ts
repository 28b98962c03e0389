import path from "node:path";
import { LocalDiskStorage } from "./local-disk";
import type { ObjectStorage } from "./object-storage";
import { S3Storage } from "./s3";

/**
 * Named like the environment variables so the env module can pass its parsed values straight
 * through; this module itself never reads process.env (tests build configs by hand).
 */
export interface StorageConfig {
  STORAGE_DRIVER?: "local" | "s3";
  /** Local driver: files go to `<DATA_DIR>/uploads`. Default `.data`. */
  DATA_DIR?: string;
  S3_BUCKET?: string;
  S3_ENDPOINT?: string;
  S3_REGION?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  /** "1"/"true" or true → path-style URLs (MinIO). */
  S3_FORCE_PATH_STYLE?: boolean | "0" | "1" | "true" | "false";
}

export function storageFromConfig(config: StorageConfig): ObjectStorage {
  const driver = config.STORAGE_DRIVER ?? "local";
  if (driver === "local") return new LocalDiskStorage(path.join(config.DATA_DIR ?? ".data", "uploads"));
  if (driver !== "s3") throw new Error(`STORAGE_DRIVER must be "local" or "s3", got ${JSON.stringify(driver)}`);

  const { S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = config;
  if (!S3_BUCKET || !S3_REGION || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) {
    const missing = Object.entries({ S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY })
      .filter(([, v]) => !v)
      .map(([k]) => k);
    // Fail at start-up rather than on the first customer's upload.
    throw new Error(`STORAGE_DRIVER=s3 needs ${missing.join(", ")}`);
  }
  const pathStyle = config.S3_FORCE_PATH_STYLE;
  return new S3Storage({
    bucket: S3_BUCKET,
    ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
    region: S3_REGION,
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET_ACCESS_KEY,
    forcePathStyle: pathStyle === true || pathStyle === "1" || pathStyle === "true",
  });
}
