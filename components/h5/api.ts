import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";

/**
 * The H5 pages' mutation client: plain tRPC over fetch, no react-query (pages read through the
 * RSC caller, so the browser only ever sends a few mutations). httpLink, not the batch link:
 * one request per call is easier to retry on a flaky mobile connection.
 */
export const api = createTRPCClient<AppRouter>({
  links: [httpLink({ url: "/api/trpc", transformer: superjson })],
});

export interface ApiFailure {
  /** Localized by the server (errorFormatter), or our own words for a lost connection. */
  message: string;
  /** The application error code (e.g. "code_invalid"), "validation", or null. */
  appCode: string | null;
  /** Per-field messages from the shared zod schema, keyed by path ("phone", "lines.0.quantity"). */
  fieldErrors: Record<string, string>;
  /** Never reached the server or no answer came back: the same call may simply be retried. */
  network: boolean;
}

interface ErrorData {
  appCode?: string | null;
  fieldErrors?: Record<string, string> | null;
}

export function failureOf(e: unknown, networkMessage: string): ApiFailure {
  if (e instanceof TRPCClientError) {
    const data = (e.data ?? null) as ErrorData | null;
    if (!data) return { message: networkMessage, appCode: null, fieldErrors: {}, network: true };
    return { message: e.message, appCode: data.appCode ?? null, fieldErrors: data.fieldErrors ?? {}, network: false };
  }
  return { message: networkMessage, appCode: null, fieldErrors: {}, network: true };
}
