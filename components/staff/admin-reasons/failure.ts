import { TRPCClientError } from "@trpc/client";

export interface Failure {
  /** Localized by the server (errorFormatter), or our own words when no answer came. */
  message: string;
  /** Per-field messages keyed by input path ("code", "nameZh"). */
  fieldErrors: Record<string, string>;
  /** Someone else changed the reason first: the page should read it again. */
  conflict: boolean;
}

export function failureOf(e: unknown, networkMessage: string): Failure | null {
  if (!e) return null;
  if (e instanceof TRPCClientError) {
    const data = (e.data ?? null) as { fieldErrors?: Record<string, string> | null; appCode?: string | null } | null;
    if (data) return { message: e.message, fieldErrors: data.fieldErrors ?? {}, conflict: data.appCode === "version_conflict" };
  }
  return { message: networkMessage, fieldErrors: {}, conflict: false };
}
