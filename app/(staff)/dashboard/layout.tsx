import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { requestLocale } from "@/components/i18n/request-locale";
import { StaffHeader } from "@/components/staff/staff-header";
import { StaffTRPCProvider } from "@/components/staff/trpc";
import { serverCaller } from "@/server/api/server-caller";
import { currentStaff } from "@/server/auth/auth";

/**
 * Everything under /dashboard needs a signed-in, active staff user; the header stays while the queue loads.
 * StaffTRPCProvider gives client components `useTRPC()` mutations and `useToast()`.
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const [staff, locale] = await Promise.all([currentStaff(), requestLocale()]);
  if (!staff) redirect("/login");
  // A one-time password is only good for choosing one's own (server/api/trpc.ts refuses the rest).
  if (staff.mustChangePassword) redirect("/change-password");
  // Finance and admin (or anyone enrolled) pass the second factor first (ADR 019).
  if (staff.secondFactorPending) redirect("/two-factor");
  // The navigation's count; the header still renders (without it) if this read fails.
  const counts = await serverCaller()
    .then((c) => c.staff.queueCounts())
    .then((c) => ({ ...c.queue, attention: c.attention }))
    .catch(() => null);
  return (
    <StaffTRPCProvider>
      <div className="min-h-dvh">
        <StaffHeader staff={staff} locale={locale} counts={counts} />
        <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
          {children}
        </main>
      </div>
    </StaffTRPCProvider>
  );
}
