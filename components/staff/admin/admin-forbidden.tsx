import Link from "next/link";
import { adminMessages } from "@/components/i18n/admin-messages";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { Locale } from "@/server/i18n/locale";

/** Another role opened an admin page: say so and lead back, instead of an error page. */
export function AdminForbidden({ locale }: { locale: Locale }) {
  const m = adminMessages(locale).forbidden;
  return (
    <EmptyState
      icon="error"
      iconTone="danger"
      headingLevel="h1"
      title={m.title}
      body={m.body}
      action={
        <Link href="/dashboard" className={buttonClass("primary")}>
          {m.back}
        </Link>
      }
    />
  );
}
