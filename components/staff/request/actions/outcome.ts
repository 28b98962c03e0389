"use client";

import { useRouter } from "next/navigation";
import { format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { requestMessages } from "@/components/i18n/request-messages";
import { useToast } from "@/components/ui/toast";
import type { Action } from "@/server/domain/vocabulary";
import { ACTION_NAMES, term } from "@/server/i18n/domain-terms";

/** The parts of a tRPC client error the forms use (shape from server/api/trpc.ts errorFormatter). */
export interface ActionError {
  message: string;
  data?: { appCode?: string | null; fieldErrors?: Record<string, string> | null } | null;
}

export const isConflict = (e: ActionError | null | undefined) => e?.data?.appCode === "version_conflict";

/**
 * What happens after a decision: on success a toast and a fresh server read; on a version
 * conflict (someone acted first) the panel says so and the page reads the current state, so
 * nothing is overwritten silently.
 */
export function useOutcome(onConflict: () => void) {
  const router = useRouter();
  const toast = useToast();
  const m = requestMessages(useLocale());
  const locale = useLocale();
  return {
    succeeded(action: Action) {
      toast.show(format(m.actions.done, { action: term(ACTION_NAMES, action, locale) }), { tone: "success" });
      router.refresh();
    },
    /** True when the error was a conflict (already handled: the dialog should close). */
    failed(e: ActionError): boolean {
      // The replacement ran out meanwhile: the dialog keeps the message, the page behind it shows the notice.
      if (e?.data?.appCode === "replacement_out_of_stock") router.refresh();
      if (!isConflict(e)) return false;
      onConflict();
      router.refresh();
      return true;
    },
  };
}
