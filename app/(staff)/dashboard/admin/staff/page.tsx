import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { adminMessages } from "@/components/i18n/admin-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { AdminForbidden } from "@/components/staff/admin/admin-forbidden";
import { StaffAccounts } from "@/components/staff/admin/staff-accounts";
import { StaffAuditList } from "@/components/staff/admin/staff-audit-list";
import { AdminHeading } from "@/components/staff/admin/admin-heading";
import { serverCaller } from "@/server/api/server-caller";
import { currentStaff } from "@/server/auth/auth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminMessages(await requestLocale()).staff.pageTitle };
}

/** Staff accounts, read through the admin procedures so the role check is the API's own. */
export default async function StaffAdminPage() {
  const locale = await requestLocale();
  const m = adminMessages(locale).staff;
  const [caller, me] = await Promise.all([serverCaller(), currentStaff()]);
  if (!me) redirect("/login");
  let data;
  try {
    const [rows, audit] = await Promise.all([caller.admin.staffList(), caller.admin.staffAudit()]);
    data = { me, rows, audit };
  } catch (e) {
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") redirect("/login");
    if (e instanceof TRPCError && e.code === "FORBIDDEN") return <AdminForbidden locale={locale} />;
    throw e;
  }
  return (
    <>
      <AdminHeading title={m.pageTitle} intro={m.intro} />
      <StaffAccounts rows={data.rows} meId={data.me.id} />
      <StaffAuditList rows={data.audit} locale={locale} />
    </>
  );
}
