"use client";

import { useLocale } from "@/components/i18n/locale-context";
import { messages } from "@/components/i18n/messages";
import { ErrorPanel } from "@/components/ui/error-panel";

/** The queue failed to load; the header (and sign-out) stay usable above this. */
export default function QueueError({ error, retry }: { error: unknown; retry: () => void }) {
  const m = messages(useLocale()).dashboard;
  return <ErrorPanel error={error} retry={retry} title={m.errorTitle} body={m.errorBody} retryLabel={m.retry} />;
}
