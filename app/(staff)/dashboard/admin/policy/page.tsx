import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { format } from "@/components/format";
import { adminMessages } from "@/components/i18n/admin-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { AdminForbidden } from "@/components/staff/admin/admin-forbidden";
import { AdminHeading } from "@/components/staff/admin/admin-heading";
import { PolicyEditor } from "@/components/staff/admin/policy-editor";
import { PolicyHistory } from "@/components/staff/admin/policy-history";
import { Badge } from "@/components/ui/badge";
import { serverCaller } from "@/server/api/server-caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminMessages(await requestLocale()).policy.pageTitle };
}

/** The approval rules: editor + simulator on the version in force, and the version history. */
export default async function PolicyAdminPage() {
  const locale = await requestLocale();
  const m = adminMessages(locale).policy;
  const caller = await serverCaller();
  let data;
  try {
    const [current, categories, history] = await Promise.all([caller.admin.policy(), caller.admin.categories(), caller.admin.policyHistory()]);
    data = { current, categories, history };
  } catch (e) {
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") redirect("/login");
    if (e instanceof TRPCError && e.code === "FORBIDDEN") return <AdminForbidden locale={locale} />;
    throw e;
  }
  return (
    <>
      <AdminHeading title={m.pageTitle} intro={m.intro} aside={<Badge tone="accent">{format(m.currentVersion, { version: data.current.version })}</Badge>} />
      {/* Keyed by version: after a save the form starts again from the new version in force. */}
      <PolicyEditor key={data.current.version} current={data.current} categories={data.categories} />
      <PolicyHistory versions={data.history} locale={locale} />
    </>
  );
}
