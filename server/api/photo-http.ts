import "server-only";
import { env } from "../env";
import { storageFromConfig, type ObjectStorage } from "../storage";

const globalForStorage = globalThis as unknown as { photoStorage?: ObjectStorage };

/** The configured photo storage (local disk or S3), one per process. */
export function photoStorage(): ObjectStorage {
  globalForStorage.photoStorage ??= storageFromConfig(env());
  return globalForStorage.photoStorage;
}
