import { dateTime, format } from "@/components/format";
import { requestMessages } from "@/components/i18n/request-messages";
import { AssignButton } from "@/components/staff/hold/assign-button";
import { HoldButton } from "@/components/staff/queue/hold-button";
import { worksOn } from "@/server/domain/holding";
import { TERMINAL_STATUSES, type StaffRole } from "@/server/domain/vocabulary";
import type { Locale } from "@/server/i18n/locale";
import { Section } from "./section";
import type { RequestView } from "./types";

/**
 * Who holds the request and since when, with what the viewer may do about it: claim it when
 * nobody does and it is in their queue, release it when it is theirs (the store manager: any),
 * and for the store manager assign or reassign it.
 */
export function HoldSection({ view, role, locale }: { view: RequestView; role: StaffRole; locale: Locale }) {
  const t = requestMessages(locale).hold;
  const r = view.request;
  const holder = r.holder;
  if (TERMINAL_STATUSES.includes(r.status) && !holder) return null;
  const admin = role === "admin";
  const mode = !holder ? (worksOn(role, r.status) ? "claim" : null) : holder.isMe || admin ? "release" : null;
  const canAssign = admin && !TERMINAL_STATUSES.includes(r.status);
  const name = holder?.name ?? t.someone;
  return (
    <Section id="hold" title={t.title}>
      {holder ? (
        <p className="text-sm">
          <span className="font-medium text-slate-900">{holder.isMe ? format(t.you, { name }) : name}</span>
          {holder.heldAt && (
            <time dateTime={holder.heldAt.toISOString()} className="block text-xs text-slate-600 tabular-nums">
              {format(t.since, { at: dateTime(holder.heldAt, locale) })}
            </time>
          )}
        </p>
      ) : (
        <p className="text-sm text-slate-600">{t.nobody}</p>
      )}
      {mode === "claim" && <p className="mt-1 text-xs text-slate-600">{t.claimHint}</p>}
      {(mode || canAssign) && (
        <div className="mt-3 flex flex-wrap gap-2">
          {mode && <HoldButton requestId={r.id} rmaNo={r.rmaNo} mode={mode} locale={locale} compact={false} />}
          {canAssign && <AssignButton request={{ id: r.id, rmaNo: r.rmaNo, status: r.status, holderId: holder?.id ?? null }} locale={locale} />}
        </div>
      )}
    </Section>
  );
}
