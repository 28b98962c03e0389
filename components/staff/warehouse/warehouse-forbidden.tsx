import Link from "next/link";
import { warehouseMessages } from "@/components/i18n/warehouse-messages";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { StaffRole } from "@/server/domain/vocabulary";
import type { Locale } from "@/server/i18n/locale";

/** The warehouse pages are the warehouse's and the store manager's (the router checks again per call). */
export const mayOpenWarehousePages = (role: StaffRole | undefined): boolean => role === "warehouse" || role === "admin";

/** Another role opened a warehouse page: say so and lead back, instead of an error page. */
export function WarehouseForbidden({ locale }: { locale: Locale }) {
  const t = warehouseMessages(locale);
  return (
    <EmptyState
      icon="error"
      iconTone="danger"
      headingLevel="h1"
      title={t.forbiddenTitle}
      body={t.forbiddenBody}
      action={
        <Link href="/dashboard" className={buttonClass("primary")}>
          {t.back}
        </Link>
      }
    />
  );
}
