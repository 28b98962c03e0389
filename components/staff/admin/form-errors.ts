import { TRPCClientError } from "@trpc/client";
import { validationMessage } from "@/server/i18n/errors";
import type { Locale } from "@/server/i18n/locale";

/** Field messages from a zod resolver arrive as schema keys ("v.email"); word them with the API's own table. */
export function fieldMessage(message: string | undefined, locale: Locale): string | undefined {
  if (!message?.startsWith("v.")) return message;
  return validationMessage({ code: "custom", message, path: [], input: undefined }, locale);
}

export interface ServerFailure {
  message: string;
  appCode: string | null;
  fieldErrors: Record<string, string> | null;
}

/** What a failed tRPC call says: the server's localized message, its app code and per-field messages. */
export function serverFailure(e: unknown): ServerFailure | null {
  if (!e) return null;
  if (e instanceof TRPCClientError) {
    const data = (e.data ?? {}) as { appCode?: string | null; fieldErrors?: Record<string, string> | null };
    return { message: e.message, appCode: data.appCode ?? null, fieldErrors: data.fieldErrors ?? null };
  }
  return { message: e instanceof Error ? e.message : String(e), appCode: null, fieldErrors: null };
}
