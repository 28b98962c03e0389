import { describe, expect, it } from "vitest";
import { BodyTooLarge, DRAIN_BYTES, readBodyCapped, withCappedBody } from "./body-limit";

const MB = 1024 * 1024;

/** A chunked body of `total` bytes made on demand, counting what the reader pulled. */
function lazyBody(total: number, chunk = 64 * 1024) {
  const block = new Uint8Array(chunk).fill(0x61);
  const counter = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= total) return controller.close();
        counter.pulled += block.byteLength;
        controller.enqueue(block);
      },
      cancel() {
        counter.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

const post = (body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request("http://app.test/api/photos", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readBodyCapped", () => {
  it("a 200 MB chunked body without Content-Length is refused after the limit, without being read whole", async () => {
    const { stream, counter } = lazyBody(200 * MB);
    await expect(readBodyCapped(post(stream), 15 * MB)).rejects.toBeInstanceOf(BodyTooLarge);
    // Let the drain run: it stops and cancels long before the 200 MB.
    await new Promise((r) => setTimeout(r, 200));
    expect(counter.pulled).toBeLessThanOrEqual(15 * MB + DRAIN_BYTES + 128 * 1024);
    expect(counter.cancelled).toBe(true);
  });

  it("a declared Content-Length over the limit is refused before reading anything", async () => {
    const { stream, counter } = lazyBody(1 * MB);
    await expect(readBodyCapped(post(stream, { "content-length": String(200 * MB) }), 15 * MB)).rejects.toBeInstanceOf(BodyTooLarge);
    expect(counter.pulled).toBe(0);
  });

  it("a body within the limit comes back whole", async () => {
    const { stream } = lazyBody(3 * MB);
    expect((await readBodyCapped(post(stream), 15 * MB)).byteLength).toBe(3 * MB);
  });
});

describe("withCappedBody", () => {
  it("the handler's own read fails with the given error past the limit", async () => {
    const { stream } = lazyBody(10 * MB);
    const capped = withCappedBody(post(stream), 256 * 1024, () => new Error("too big"));
    await expect(capped.text()).rejects.toThrow("too big");
  });

  it("GET requests pass through untouched", () => {
    const req = new Request("http://app.test/api/trpc/x");
    expect(withCappedBody(req, 10)).toBe(req);
  });
});
