"use client";

import { useLocale } from "@/components/i18n/locale-context";
import { requestMessages } from "@/components/i18n/request-messages";
import { ErrorPanel } from "@/components/ui/error-panel";

/** The request failed to load; the header (and sign-out) stay usable above this. */
export default function RequestError({ error, retry }: { error: unknown; retry: () => void }) {
  const m = requestMessages(useLocale());
  return <ErrorPanel error={error} retry={retry} title={m.errorTitle} body={m.errorBody} retryLabel={m.retry} />;
}
