import type { Metadata } from "next";
import Link from "next/link";
import { requestLocale } from "@/components/i18n/request-locale";
import { warehouseMessages } from "@/components/i18n/warehouse-messages";
import { AdminHeading } from "@/components/staff/admin/admin-heading";
import { UnmatchedList } from "@/components/staff/warehouse/unmatched-list";
import { buttonClass } from "@/components/ui/button";
import { mayOpenWarehousePages, WarehouseForbidden } from "@/components/staff/warehouse/warehouse-forbidden";
import { currentStaff } from "@/server/auth/auth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: warehouseMessages(await requestLocale()).listTitle };
}

/** Parcels the scan could not match (?status=linked for the ones already linked to a request). */
export default async function UnmatchedParcelsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [locale, staff, params] = await Promise.all([requestLocale(), currentStaff(), searchParams]);
  const t = warehouseMessages(locale);
  if (!staff || !mayOpenWarehousePages(staff.role)) return <WarehouseForbidden locale={locale} />;
  const status = params.status === "linked" ? "linked" : "open";
  return (
    <>
      <AdminHeading
        title={t.listTitle}
        intro={t.listIntro}
        aside={
          <Link href="/dashboard/warehouse" className={buttonClass("secondary")}>
            {t.backToStation}
          </Link>
        }
      />
      <UnmatchedList key={status} status={status} canLink={staff.role === "warehouse"} />
    </>
  );
}
