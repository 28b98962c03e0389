import { validationMessage } from "@/server/i18n/errors";
import type { Locale } from "@/server/i18n/locale";

/** Schema messages arrive as keys ("v.required"); translate them with the API's own table. */
export function fieldMessage(message: string | undefined, locale: Locale): string | undefined {
  if (!message?.startsWith("v.")) return message;
  return validationMessage({ code: "custom", message, path: [], input: undefined }, locale);
}
