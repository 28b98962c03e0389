import type { ReactNode } from "react";
import { notificationsMessages } from "@/components/i18n/notifications-messages";
import { AdminHeading } from "@/components/staff/admin/admin-heading";
import { TabLinks } from "@/components/ui/tab-links";
import type { Locale } from "@/server/i18n/locale";

export type NotificationsTab = "sent" | "webhooks" | "channels";

const HREFS: Record<NotificationsTab, string> = {
  sent: "/dashboard/admin/notifications",
  webhooks: "/dashboard/admin/notifications/webhooks",
  channels: "/dashboard/admin/notifications/channels",
};

/** The notification pages' heading and tabs (Sent · Integrator webhooks · Staff channels), then the tab's own content. */
export function NotificationsShell({ locale, current, intro, children }: { locale: Locale; current: NotificationsTab; intro: string; children: ReactNode }) {
  const t = notificationsMessages(locale);
  return (
    <>
      <AdminHeading title={t.heading} intro={t.intro} />
      <TabLinks label={t.tabsLabel} tabs={(Object.keys(HREFS) as NotificationsTab[]).map((tab) => ({ href: HREFS[tab], label: t.tabs[tab], current: tab === current }))} />
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{intro}</p>
      {children}
    </>
  );
}
