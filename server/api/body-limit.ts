/**
 * Request bodies read with a ceiling. `req.formData()` / `req.json()` read whatever arrives —
 * a chunked upload without Content-Length grows the process by its full size before any check.
 * These count bytes as they stream in and stop at the limit: the rest is never read into memory.
 */

/** Thrown (or used as the stream's error) when a body passes its limit. */
export class BodyTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`request body larger than ${limitBytes} bytes`);
    this.name = "BodyTooLarge";
  }
}

function declaredTooLarge(req: Request, maxBytes: number): boolean {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  return Number.isFinite(declared) && declared > maxBytes;
}

/**
 * `body` passed through unchanged until `maxBytes`, then errored with `tooLarge()` and the source
 * cancelled (the server stops reading the socket into memory).
 */
export function cappedStream(body: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: () => unknown = () => new BodyTooLarge(maxBytes)): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let seen = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      seen += value.byteLength;
      if (seen > maxBytes) {
        controller.error(tooLarge());
        void drainThenCancel(reader);
        return;
      }
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/**
 * After the limit: keep reading and discarding (memory stays flat) for a while so that the
 * client, still sending, receives the 413 answer; then cancel, which closes the connection.
 * Cancelling at once resets the socket and a browser would show a network error instead.
 */
export const DRAIN_BYTES = 16 * 1024 * 1024;

async function drainThenCancel(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let drained = 0;
  try {
    while (drained < DRAIN_BYTES) {
      const { done, value } = await reader.read();
      if (done) return;
      drained += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away: nothing left to drain.
  }
}

/** The whole body, at most `maxBytes`; throws BodyTooLarge as soon as more arrives (or is declared). */
export async function readBodyCapped(req: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  // Declared too large: refuse without touching the body. Node discards an unread body after
  // the answer is sent; cancelling would reset the connection and the 413 would be lost.
  if (declaredTooLarge(req, maxBytes)) throw new BodyTooLarge(maxBytes);
  if (!req.body) return new Uint8Array();
  const reader = cappedStream(req.body, maxBytes).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * The same request with its body capped at `maxBytes`, for handlers that read the body themselves
 * (tRPC, Auth.js). Past the limit their read fails with `tooLarge()`; a declared Content-Length over
 * the limit fails before anything is read.
 */
export function withCappedBody(req: Request, maxBytes: number, tooLarge: () => unknown = () => new BodyTooLarge(maxBytes)): Request {
  if (!req.body) return req;
  const body = declaredTooLarge(req, maxBytes)
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          controller.error(tooLarge());
        },
      })
    : cappedStream(req.body, maxBytes, tooLarge);
  return new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal, duplex: "half" } as RequestInit);
}
