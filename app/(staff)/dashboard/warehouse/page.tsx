import type { Metadata } from "next";
import Link from "next/link";
import { requestLocale } from "@/components/i18n/request-locale";
import { warehouseMessages } from "@/components/i18n/warehouse-messages";
import { AdminHeading } from "@/components/staff/admin/admin-heading";
import { ScanStation } from "@/components/staff/warehouse/scan-station";
import { buttonClass } from "@/components/ui/button";
import { mayOpenWarehousePages, WarehouseForbidden } from "@/components/staff/warehouse/warehouse-forbidden";
import { currentStaff } from "@/server/auth/auth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: warehouseMessages(await requestLocale()).pageTitle };
}

/** The warehouse's scan station; `?code=` (from the request screen) opens that request at once. */
export default async function WarehouseStationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [locale, staff, params] = await Promise.all([requestLocale(), currentStaff(), searchParams]);
  const t = warehouseMessages(locale);
  if (!staff || !mayOpenWarehousePages(staff.role)) return <WarehouseForbidden locale={locale} />;
  const code = typeof params.code === "string" && params.code.trim() ? params.code.trim().slice(0, 64) : null;
  return (
    <>
      <AdminHeading
        title={t.pageTitle}
        intro={t.intro}
        aside={
          <Link href="/dashboard/warehouse/unmatched" className={buttonClass("secondary")}>
            {t.navUnmatched}
          </Link>
        }
      />
      <ScanStation canRecord={staff.role === "warehouse"} initialCode={code} />
    </>
  );
}
