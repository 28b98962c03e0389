import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";

/** The reason editor's mutations: plain tRPC over fetch (the page reads through the RSC caller). */
export const reasonsApi = createTRPCClient<AppRouter>({
  links: [httpLink({ url: "/api/trpc", transformer: superjson })],
}).reasons;

export interface Failure {
  /** Localized by the server, or our own words when no answer came. */
  message: string;
  /** Per-field messages keyed by input path ("code", "nameZh"). */
  fieldErrors: Record<string, string>;
}

export function failureOf(e: unknown, networkMessage: string): Failure {
  if (e instanceof TRPCClientError) {
    const data = (e.data ?? null) as { fieldErrors?: Record<string, string> | null } | null;
    if (data) return { message: e.message, fieldErrors: data.fieldErrors ?? {} };
  }
  return { message: networkMessage, fieldErrors: {} };
}
