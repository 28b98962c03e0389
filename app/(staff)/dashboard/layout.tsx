import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { requestLocale } from "@/components/i18n/request-locale";
import { StaffHeader } from "@/components/staff/staff-header";
import { StaffTRPCProvider } from "@/components/staff/trpc";
import { currentStaff } from "@/server/auth/auth";

/**
 * Everything under /dashboard needs a signed-in, active staff user; the header stays while the queue loads.
 * StaffTRPCProvider gives client components `useTRPC()` mutations and `useToast()`.
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const [staff, locale] = await Promise.all([currentStaff(), requestLocale()]);
  if (!staff) redirect("/login");
  return (
    <StaffTRPCProvider>
      <div className="min-h-dvh">
        <StaffHeader staff={staff} locale={locale} />
        <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
          {children}
        </main>
      </div>
    </StaffTRPCProvider>
  );
}
