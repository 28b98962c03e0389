import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { notificationsMessages } from "@/components/i18n/notifications-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { AdminForbidden } from "@/components/staff/admin/admin-forbidden";
import { ChannelList } from "@/components/staff/admin-notifications/channel-list";
import { NotificationsShell } from "@/components/staff/admin-notifications/notifications-shell";
import { serverCaller } from "@/server/api/server-caller";

export async function generateMetadata(): Promise<Metadata> {
  const t = notificationsMessages(await requestLocale());
  return { title: `${t.tabs.channels} · ${t.pageTitle}` };
}

/** Where each role hears about new work and overdue items, read through the `notifications` router. */
export default async function StaffChannelsPage() {
  const [locale, caller] = await Promise.all([requestLocale(), serverCaller()]);
  let rows;
  try {
    rows = await caller.notifications.channels();
  } catch (e) {
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") redirect("/login");
    if (e instanceof TRPCError && e.code === "FORBIDDEN") return <AdminForbidden locale={locale} />;
    throw e;
  }
  return (
    <NotificationsShell locale={locale} current="channels" intro={notificationsMessages(locale).staffChannels.intro}>
      <ChannelList rows={rows} />
    </NotificationsShell>
  );
}
