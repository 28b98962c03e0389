import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { format } from "@/components/format";
import { requestLocale } from "@/components/i18n/request-locale";
import { requestMessages } from "@/components/i18n/request-messages";
import { ActionPanel } from "@/components/staff/request/actions/action-panel";
import { HoldSection } from "@/components/staff/request/hold-section";
import { HistorySection } from "@/components/staff/request/history-section";
import { LinesSection } from "@/components/staff/request/lines-section";
import { ReplacementNotice } from "@/components/staff/request/replacement-section";
import { OrderSection } from "@/components/staff/request/order-section";
import { PhotoGallery } from "@/components/staff/request/photo-gallery";
import { RefundPanel } from "@/components/staff/request/refund/refund-panel";
import { RequestSummary } from "@/components/staff/request/request-summary";
import { RouteSection } from "@/components/staff/request/route-section";
import { Section } from "@/components/staff/request/section";
import { TimelineSection } from "@/components/staff/request/timeline-section";
import { buttonClass } from "@/components/ui/button";
import { serverCaller } from "@/server/api/server-caller";

/**
 * One request through tRPC, so the read matrix (server/domain/read-access.ts) decides what this
 * role sees. A malformed id, an unknown one and one outside the role's reach all read as "not
 * found". Cached per request: the title and the page share one read.
 */
const loadRequest = cache(async (id: string) => {
  const caller = await serverCaller();
  try {
    const [me, view] = await Promise.all([caller.staff.me(), caller.staff.request({ id })]);
    // Finance's refund panel (docs/decisions/024): finance acts on it, the store manager reads it.
    const refundPanel = me.role === "finance" || me.role === "admin" ? await caller.refunds.panel({ id }) : null;
    // The role decides the hold controls (claim needs the request in one's queue; assign is the store manager's).
    return { view, role: me.role, refundPanel };
  } catch (e) {
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") redirect("/login");
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [{ id }, locale] = await Promise.all([params, requestLocale()]);
  const { view } = await loadRequest(id);
  return { title: format(requestMessages(locale).documentTitle, { rma: view.request.rmaNo }) };
}

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, locale] = await Promise.all([params, requestLocale()]);
  const { view, role, refundPanel } = await loadRequest(id);
  const m = requestMessages(locale);
  const now = new Date();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Link href="/dashboard" className="inline-flex min-h-11 items-center gap-1 text-sm font-medium text-accent-800 hover:underline">
          <span aria-hidden="true">←</span> {m.back}
        </Link>
        {/* The return slip (decision 027): for a request that sends goods back, e.g. a parcel that came without one. */}
        {view.request.route.stages.includes("customer_shipment") && (
          <Link href={`/dashboard/requests/${view.request.id}/label`} className={buttonClass("secondary", "px-3")} data-testid="staff-print-label">
            {m.printLabel}
          </Link>
        )}
      </div>
      <RequestSummary view={view} locale={locale} now={now} />
      {/* minmax(0,1fr): a wide table scrolls inside its card instead of widening the phone page. */}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-4 lg:order-2">
          <HoldSection view={view} role={role} locale={locale} />
          <ActionPanel view={view} role={role} />
          <RouteSection stages={view.stages} locale={locale} />
        </div>
        <div className="space-y-4 lg:order-1">
          <ReplacementNotice view={view} locale={locale} />
          {view.lines && <LinesSection lines={view.lines} locale={locale} />}
          {view.photos && (
            <Section id="photos" title={m.sections.photos}>
              <PhotoGallery photos={view.photos} />
            </Section>
          )}
          {view.history && <HistorySection history={view.history} locale={locale} />}
          {refundPanel && <RefundPanel panel={refundPanel} locale={locale} firstApprover={view.request.refundApprovedBy} readOnly={role !== "finance"} />}
          <OrderSection view={view} locale={locale} />
          <TimelineSection timeline={view.timeline} locale={locale} />
        </div>
      </div>
    </div>
  );
}
