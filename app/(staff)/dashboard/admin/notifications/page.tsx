import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { notificationsMessages } from "@/components/i18n/notifications-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { AdminForbidden } from "@/components/staff/admin/admin-forbidden";
import { DeliveryFilters } from "@/components/staff/admin-notifications/delivery-filters";
import { DeliveryList } from "@/components/staff/admin-notifications/delivery-list";
import { deliveryFiltersFromSearch } from "@/components/staff/admin-notifications/delivery-view";
import { NotificationsShell } from "@/components/staff/admin-notifications/notifications-shell";
import { serverCaller } from "@/server/api/server-caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: notificationsMessages(await requestLocale()).pageTitle };
}

/**
 * What was sent (SMS, WeCom, e-mail, webhooks), filtered by the URL. The list itself loads in the
 * browser a page at a time through the `notifications` router, whose role check is the one that counts.
 */
export default async function SentNotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [locale, caller, sp] = await Promise.all([requestLocale(), serverCaller(), searchParams]);
  const me = await caller.staff.me().catch((e: unknown) => {
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") redirect("/login");
    throw e;
  });
  if (me.role !== "admin") return <AdminForbidden locale={locale} />;
  const filters = deliveryFiltersFromSearch(sp);
  return (
    <NotificationsShell locale={locale} current="sent" intro={notificationsMessages(locale).sent.intro}>
      <DeliveryFilters filters={filters} />
      <DeliveryList key={`${filters.channel ?? ""}/${filters.status ?? ""}`} filters={filters} />
    </NotificationsShell>
  );
}
