import Link from "next/link";
import { requestLocale } from "@/components/i18n/request-locale";
import { requestMessages } from "@/components/i18n/request-messages";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default async function RequestNotFound() {
  const m = requestMessages(await requestLocale());
  return (
    <EmptyState
      icon="missing"
      iconTone="neutral"
      headingLevel="h1"
      title={m.notFoundTitle}
      body={m.notFoundBody}
      action={
        <Link href="/dashboard" className={buttonClass("primary")}>
          {m.back}
        </Link>
      }
    />
  );
}
