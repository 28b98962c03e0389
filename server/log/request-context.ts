import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** What a log line learns from the work it belongs to: the request (or the job it queued) it serves. */
export interface RequestContext {
  rid: string;
}

/**
 * One store per process, kept on globalThis: the edge server (loaded by Node) and the route
 * handlers (bundled by Next, with their own copy of this module) must see the same store, or a
 * request id set before Next runs would be invisible inside it.
 */
const KEY = Symbol.for("tuihuanhuo.request-context");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestContext> | undefined>;
const store: AsyncLocalStorage<RequestContext> = (holder[KEY] ??= new AsyncLocalStorage<RequestContext>());

/** The header that carries a request id in and out (load balancers and clients commonly send it). */
export const REQUEST_ID_HEADER = "x-request-id";

/** The id of the request (or job) being served, if any. */
export function currentRequestId(): string | undefined {
  return store.getStore()?.rid;
}

/** Runs `fn` as part of request `rid`: every log line and queued job inside carries it. */
export function withRequestId<T>(rid: string, fn: () => T): T {
  return store.run({ rid }, fn);
}

/**
 * A caller's request id is kept when it is a plain token (a proxy's or a client's UUID, up to 64
 * characters): anything else could forge or flood log lines, so it is replaced.
 */
export function saneRequestId(value: string | string[] | null | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return v && /^[A-Za-z0-9._:-]{1,64}$/.test(v) ? v : null;
}

/** The incoming id when sane, else a new one. */
export function requestIdFrom(value: string | string[] | null | undefined): string {
  return saneRequestId(value) ?? randomUUID();
}
