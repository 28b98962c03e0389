import { messages } from "@/components/i18n/messages";
import { queueMessages } from "@/components/i18n/queue-messages";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import type { Locale } from "@/server/i18n/locale";

/** Nothing to show: either the queue is clear, or this search/filter matches nothing (with a way back). */
export function QueueEmpty({ locale, filtered }: { locale: Locale; filtered: boolean }) {
  const m = messages(locale).dashboard;
  const t = queueMessages(locale);
  if (filtered) {
    return (
      <EmptyState
        icon="search"
        iconTone="neutral"
        title={t.emptySearchTitle}
        body={t.emptySearchBody}
        action={
          <a href="/dashboard" className={buttonClass("secondary")}>
            {t.clear}
          </a>
        }
      />
    );
  }
  return <EmptyState icon="check" title={m.emptyTitle} body={m.emptyBody} />;
}
