import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { dataRequestsMessages } from "@/components/i18n/data-requests-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { AdminForbidden } from "@/components/staff/admin/admin-forbidden";
import { AdminHeading } from "@/components/staff/admin/admin-heading";
import { DataRequests } from "@/components/staff/admin/data-requests";
import { serverCaller } from "@/server/api/server-caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: dataRequestsMessages(await requestLocale()).pageTitle };
}

/** Customers' personal-data requests (PIPL), for the store manager to fulfil. */
export default async function DataRequestsPage() {
  const locale = await requestLocale();
  const m = dataRequestsMessages(locale);
  const caller = await serverCaller();
  let rows;
  try {
    rows = await caller.admin.erasureRequests();
  } catch (e) {
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") redirect("/login");
    if (e instanceof TRPCError && e.code === "FORBIDDEN") return <AdminForbidden locale={locale} />;
    throw e;
  }
  return (
    <>
      <AdminHeading title={m.pageTitle} intro={m.intro} />
      <DataRequests rows={rows} />
    </>
  );
}
