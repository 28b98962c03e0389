import { dateTime, format } from "@/components/format";
import { requestMessages } from "@/components/i18n/request-messages";
import { ACTION_NAMES, ROLE_NAMES, term } from "@/server/i18n/domain-terms";
import type { Locale } from "@/server/i18n/locale";
import { Section } from "./section";
import type { RequestView } from "./types";

const roleName = (role: string, locale: Locale) => (role in ROLE_NAMES ? term(ROLE_NAMES, role as keyof typeof ROLE_NAMES, locale) : role);

/** Every event of the tamper-evident history, newest first: who (name and role), what, when, and what they wrote. */
export function TimelineSection({ timeline, locale }: { timeline: RequestView["timeline"]; locale: Locale }) {
  const m = requestMessages(locale);
  return (
    <Section id="timeline" title={m.sections.timeline}>
      <ol className="space-y-4">
        {[...timeline].reverse().map((e) => (
          <li key={e.seq} className="border-l-2 border-slate-200 pl-3 text-sm">
            <p className="font-medium text-slate-900">{term(ACTION_NAMES, e.action, locale)}</p>
            <p className="text-xs text-slate-600">
              {/* Staff by name and role; the customer and the system by role alone. */}
              {`${[e.actorName, roleName(e.role, locale)].filter(Boolean).join(" · ")} · `}
              <time dateTime={e.createdAt.toISOString()}>{dateTime(e.createdAt, locale)}</time>
            </p>
            {e.reasonName && <p className="mt-1 text-slate-800">{format(m.timeline.rejection, { reason: e.reasonName[locale] })}</p>}
            {e.comment && <p className="mt-1 rounded-lg bg-slate-50 px-3 py-2 whitespace-pre-line text-slate-800">{e.comment}</p>}
          </li>
        ))}
      </ol>
    </Section>
  );
}
