import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "./local-disk";
import { InvalidStorageKey, type ObjectStorage } from "./object-storage";
import { newPhotoKeys } from "./keys";
import { S3Storage } from "./s3";

// What callers may do with any key. Each should be refused by both backends before any I/O.
const BAD_KEYS = [
  "../escape.jpg",
  "photos/../../escape.jpg",
  "photos/2026/..",
  "/etc/passwd",
  "photos\\2026\\x.jpg",
  "..\\escape.jpg",
  "photos//x.jpg",
  "photos/./x.jpg",
  "photos/.hidden.jpg",
  "photos/x.jpg/",
  "",
  "photos/x\u0000.jpg",
  "photos/照片.jpg",
];

/** The same contract for every backend: what the API layer relies on. */
function storageContract(make: () => ObjectStorage) {
  let storage: ObjectStorage;
  beforeAll(() => {
    storage = make();
  });

  it("round-trips bytes and content type", async () => {
    const { image, thumbnail } = newPhotoKeys(new Date("2026-11-25T12:00:00Z"));
    expect(image).toMatch(/^photos\/2026\/11\/[0-9a-f-]{36}\.jpg$/);
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01, 0x02, 0xfe, 0xff]);
    await storage.put(image, bytes, "image/jpeg");
    await storage.put(thumbnail, Buffer.from("thumb"), "image/jpeg");
    expect(await storage.get(image)).toEqual({ body: bytes, contentType: "image/jpeg" });
    expect((await storage.get(thumbnail))?.body.toString()).toBe("thumb");
  });

  it("replaces an object on a second put", async () => {
    const { image } = newPhotoKeys();
    await storage.put(image, Buffer.from("first"), "image/jpeg");
    await storage.put(image, Buffer.from("second, longer"), "image/jpeg");
    expect((await storage.get(image))?.body.toString()).toBe("second, longer");
  });

  it("returns null for a missing key", async () => {
    expect(await storage.get(newPhotoKeys().image)).toBeNull();
    expect(await storage.get("never/written/here.jpg")).toBeNull();
  });

  it("deletes, and deleting twice is fine", async () => {
    const { image } = newPhotoKeys();
    await storage.put(image, Buffer.from("x"), "image/jpeg");
    await storage.delete(image);
    expect(await storage.get(image)).toBeNull();
    await storage.delete(image);
  });

  it("refuses path traversal and odd keys on put, get and delete", async () => {
    for (const key of BAD_KEYS) {
      await expect(storage.put(key, Buffer.from("x"), "image/jpeg"), key).rejects.toBeInstanceOf(InvalidStorageKey);
      await expect(storage.get(key), key).rejects.toBeInstanceOf(InvalidStorageKey);
      await expect(storage.delete(key), key).rejects.toBeInstanceOf(InvalidStorageKey);
    }
  });

  it("stores a 5 MiB object intact", async () => {
    const { image } = newPhotoKeys();
    const big = Buffer.alloc(5 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big[i] = i % 251;
    await storage.put(image, big, "image/jpeg");
    expect((await storage.get(image))?.body.equals(big)).toBe(true);
  });
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "tuihuanhuo-storage-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("LocalDiskStorage", () => {
  const root = () => path.join(tmp, "uploads");
  storageContract(() => new LocalDiskStorage(root()));

  it("writes atomically: no temp files left, nothing written outside the root", async () => {
    const storage = new LocalDiskStorage(root());
    const { image } = newPhotoKeys(new Date("2026-11-25T12:00:00Z"));
    // Concurrent writers of one key: the survivor is one writer's bytes in full, never a mix.
    const bodies = Array.from({ length: 8 }, (_, i) => Buffer.alloc(256 * 1024, i + 1));
    await Promise.all(bodies.map((b) => storage.put(image, b, "image/jpeg")));
    const got = (await storage.get(image))?.body;
    expect(bodies.some((b) => got?.equals(b))).toBe(true);

    const dir = path.join(root(), "photos/2026/11");
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect((await readdir(tmp)).sort()).toEqual(["uploads"]);
  });

  it("refuses a content type its key's extension cannot give back", async () => {
    const storage = new LocalDiskStorage(root());
    await expect(storage.put(newPhotoKeys().image, Buffer.from("x"), "image/png")).rejects.toThrow(/content type/);
    await storage.put("photos/misc/a.png", Buffer.from("p"), "image/png");
    expect((await storage.get("photos/misc/a.png"))?.contentType).toBe("image/png");
  });

  it("treats a key naming a folder as missing", async () => {
    const storage = new LocalDiskStorage(root());
    await storage.put("photos/misc/b.jpg", Buffer.from("b"), "image/jpeg");
    expect(await storage.get("photos/misc")).toBeNull();
    await storage.delete("photos/misc");
    expect(await storage.get("photos/misc/b.jpg")).not.toBeNull();
  });
});

describe("S3Storage against s3rver", () => {
  const bucket = "tuihuanhuo-photos";
  let server: S3rver;
  let endpoint: string;
  const clients: S3Storage[] = [];
  const make = (b = bucket) => {
    const s = new S3Storage({
      bucket: b,
      endpoint,
      region: "us-east-1",
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
      forcePathStyle: true,
    });
    clients.push(s);
    return s;
  };

  beforeAll(async () => {
    server = new S3rver({
      address: "127.0.0.1",
      port: 0, // a free port: parallel runs and other services never clash
      silent: true,
      directory: path.join(tmp, "s3rver"),
      configureBuckets: [{ name: bucket }],
    });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
  });

  storageContract(() => make());

  it("keeps the content type it was given", async () => {
    const storage = make();
    await storage.put("photos/misc/c.bin", Buffer.from("c"), "image/webp");
    expect((await storage.get("photos/misc/c.bin"))?.contentType).toBe("image/webp");
  });

  it("surfaces errors other than a missing key (e.g. no such bucket)", async () => {
    await expect(make("no-such-bucket").get("photos/x.jpg")).rejects.toThrow();
  });
});
