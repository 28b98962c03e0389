export { assertValidKey, InvalidStorageKey, type ObjectStorage, type StoredObject } from "./object-storage";
export { newPhotoKeys, type PhotoKeys } from "./keys";
export { contentTypeForKey, LocalDiskStorage } from "./local-disk";
export { S3Storage, type S3StorageOptions } from "./s3";
export { storageFromConfig, type StorageConfig } from "./from-config";
