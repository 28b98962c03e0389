"use client";

import { useLocale } from "@/components/i18n/locale-context";
import { messages } from "@/components/i18n/messages";
import { ErrorPanel } from "@/components/ui/error-panel";

/** A failure above the queue (e.g. the session check in the dashboard layout, or the sign-in page itself). */
export default function StaffError({ error, retry }: { error: unknown; retry: () => void }) {
  const m = messages(useLocale()).errors;
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-lg items-center px-4 py-10">
      <div className="w-full">
        <ErrorPanel error={error} retry={retry} title={m.pageTitle} body={m.pageBody} retryLabel={m.retry} />
      </div>
    </main>
  );
}
