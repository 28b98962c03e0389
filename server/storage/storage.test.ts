import path from "node:path";
import { describe, expect, it } from "vitest";
import { storageFromConfig } from "./from-config";
import { newPhotoKeys } from "./keys";
import { contentTypeForKey, LocalDiskStorage } from "./local-disk";
import { assertValidKey, InvalidStorageKey } from "./object-storage";
import { S3Storage } from "./s3";

describe("assertValidKey", () => {
  it("accepts generated keys and plain relative paths", () => {
    for (const key of [newPhotoKeys().image, newPhotoKeys().thumbnail, "a", "photos/2026/11/x-y_z.v2.jpg"]) {
      expect(() => assertValidKey(key), key).not.toThrow();
    }
  });

  it("refuses traversal, absolute paths, backslashes and anything unusual", () => {
    const bad = ["..", "../x", "a/../b", "a/..", "a..b/c", "/abs", "C:\\x", "a\\b", "a//b", "a/", "./a", "a/.b", "", "a b", "a\nb", "é", "a".repeat(513)];
    for (const key of bad) expect(() => assertValidKey(key), JSON.stringify(key)).toThrow(InvalidStorageKey);
  });
});

describe("newPhotoKeys", () => {
  it("makes photos/<yyyy>/<mm>/<uuid>.jpg and a matching thumbnail key, month in UTC", () => {
    const keys = newPhotoKeys(new Date("2026-11-30T23:30:00-08:00")); // already December in UTC
    expect(keys.image).toMatch(/^photos\/2026\/12\/[0-9a-f-]{36}\.jpg$/);
    expect(keys.thumbnail).toBe(keys.image.replace(/\.jpg$/, "_thumb.jpg"));
    expect(newPhotoKeys().image).not.toBe(newPhotoKeys().image);
  });
});

describe("contentTypeForKey", () => {
  it("maps image extensions, anything else is octet-stream", () => {
    expect(contentTypeForKey("a/b.JPG")).toBe("image/jpeg");
    expect(contentTypeForKey("a/b.webp")).toBe("image/webp");
    expect(contentTypeForKey("a/b")).toBe("application/octet-stream");
  });
});

describe("storageFromConfig", () => {
  const s3 = {
    STORAGE_DRIVER: "s3" as const,
    S3_BUCKET: "b",
    S3_REGION: "oss-cn-hangzhou",
    S3_ACCESS_KEY_ID: "id",
    S3_SECRET_ACCESS_KEY: "secret",
  };

  it("defaults to local disk under <DATA_DIR>/uploads", () => {
    const storage = storageFromConfig({});
    expect(storage).toBeInstanceOf(LocalDiskStorage);
    expect((storage as unknown as { root: string }).root).toBe(path.resolve(".data/uploads"));
    const custom = storageFromConfig({ STORAGE_DRIVER: "local", DATA_DIR: "/srv/data" });
    expect((custom as unknown as { root: string }).root).toBe("/srv/data/uploads");
  });

  it("builds S3 storage and names every missing variable", () => {
    expect(storageFromConfig({ ...s3, S3_ENDPOINT: "https://oss-cn-hangzhou.aliyuncs.com" })).toBeInstanceOf(S3Storage);
    expect(() => storageFromConfig({ STORAGE_DRIVER: "s3", S3_BUCKET: "b" })).toThrow(
      "STORAGE_DRIVER=s3 needs S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY",
    );
  });

  it("reads S3_FORCE_PATH_STYLE as a boolean or an env string", async () => {
    for (const [value, expected] of [["1", true], ["true", true], [true, true], ["0", false], [undefined, false]] as const) {
      const storage = storageFromConfig({ ...s3, S3_FORCE_PATH_STYLE: value }) as unknown as {
        client: { config: { forcePathStyle?: boolean } };
      };
      expect(storage.client.config.forcePathStyle ?? false, String(value)).toBe(expected);
    }
  });

  it("refuses an unknown driver", () => {
    expect(() => storageFromConfig({ STORAGE_DRIVER: "ftp" as "s3" })).toThrow(/STORAGE_DRIVER/);
  });
});
