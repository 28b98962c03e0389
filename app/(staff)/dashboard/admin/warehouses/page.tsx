import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requestLocale } from "@/components/i18n/request-locale";
import { warehousesMessages } from "@/components/i18n/warehouses-messages";
import { WarehouseListView } from "@/components/staff/admin-warehouses/warehouse-list";
import { Alert } from "@/components/ui/alert";
import { serverCaller } from "@/server/api/server-caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: warehousesMessages(await requestLocale()).pageTitle };
}

/** The store manager's return warehouses (decision 027), read through the API's own role check. */
export default async function WarehousesPage() {
  const [locale, caller] = await Promise.all([requestLocale(), serverCaller()]);
  const t = warehousesMessages(locale);
  const me = await caller.staff.me().catch((e: unknown) => {
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") redirect("/login");
    throw e;
  });
  return (
    <>
      <div className="mb-5">
        <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t.heading}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t.intro}</p>
      </div>
      {me.role !== "admin" ? (
        <Alert tone="info" live={false}>
          {t.notAllowed}
        </Alert>
      ) : (
        <WarehouseListView data={await caller.warehouses.list()} />
      )}
    </>
  );
}
