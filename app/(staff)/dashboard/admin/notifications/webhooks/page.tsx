import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { notificationsMessages } from "@/components/i18n/notifications-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { AdminForbidden } from "@/components/staff/admin/admin-forbidden";
import { EndpointList } from "@/components/staff/admin-notifications/endpoint-list";
import { NotificationsShell } from "@/components/staff/admin-notifications/notifications-shell";
import { serverCaller } from "@/server/api/server-caller";

export async function generateMetadata(): Promise<Metadata> {
  const t = notificationsMessages(await requestLocale());
  return { title: `${t.tabs.webhooks} · ${t.pageTitle}` };
}

/** The integrator webhooks, read through the `notifications` router so the role check is the API's own. */
export default async function WebhooksPage() {
  const [locale, caller] = await Promise.all([requestLocale(), serverCaller()]);
  let rows;
  try {
    rows = await caller.notifications.endpoints();
  } catch (e) {
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") redirect("/login");
    if (e instanceof TRPCError && e.code === "FORBIDDEN") return <AdminForbidden locale={locale} />;
    throw e;
  }
  return (
    <NotificationsShell locale={locale} current="webhooks" intro={notificationsMessages(locale).webhooks.intro}>
      <EndpointList rows={rows} />
    </NotificationsShell>
  );
}
