import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm, unlink } from "node:fs/promises";
import path from "node:path";
import { assertValidKey, InvalidStorageKey, type ObjectStorage, type StoredObject } from "./object-storage";

const CONTENT_TYPES: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
};

/** Disk keeps no metadata beside the bytes, so the content type follows from the key's extension. */
export function contentTypeForKey(key: string): string {
  return CONTENT_TYPES[path.extname(key).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Files under one root folder (the app uses `<DATA_DIR>/uploads`). For dev, demo and single-server
 * installs; several app servers need S3Storage, or a shared folder they all mount.
 */
export class LocalDiskStorage implements ObjectStorage {
  private readonly root: string;

  constructor(rootDir: string) {
    this.root = path.resolve(rootDir);
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const file = this.pathFor(key);
    // get() derives the type from the extension; refusing a mismatch keeps disk and S3 returning the same.
    const expected = contentTypeForKey(key);
    if (contentType !== expected) {
      throw new Error(`content type ${contentType} does not match key ${key} (expected ${expected})`);
    }
    await mkdir(path.dirname(file), { recursive: true });
    // Write beside the target, flush, then rename: a reader or a crash never sees half a photo.
    // The leading dot cannot occur in a valid key, so temp files never collide with objects.
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
    const handle = await open(tmp, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(tmp, file);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const file = this.pathFor(key);
    try {
      return { body: await readFile(file), contentType: contentTypeForKey(key) };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathFor(key));
    } catch (err) {
      if (!isMissing(err)) throw err; // a key naming a folder holds no object either: nothing to delete
    }
  }

  private pathFor(key: string): string {
    assertValidKey(key);
    const file = path.resolve(this.root, key);
    // Second line of defence should the key rules ever be loosened.
    if (!file.startsWith(this.root + path.sep)) throw new InvalidStorageKey(key);
    return file;
  }
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR";
}
