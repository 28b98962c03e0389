import { dateTime } from "@/components/format";
import { requestMessages } from "@/components/i18n/request-messages";
import { ROLE_NAMES, term } from "@/server/i18n/domain-terms";
import type { Locale } from "@/server/i18n/locale";
import { Section } from "./section";
import type { RequestView } from "./types";

type StageState = RequestView["stages"][number]["state"];

const DOT: Record<StageState, string> = {
  done: "bg-green-600 ring-green-100",
  rejected: "bg-red-600 ring-red-100",
  current: "bg-accent-600 ring-accent-100",
  upcoming: "bg-white ring-slate-300",
  skipped: "bg-slate-300 ring-slate-100",
};

const roleName = (role: string, locale: Locale) => (role in ROLE_NAMES ? term(ROLE_NAMES, role as keyof typeof ROLE_NAMES, locale) : role);

/** The route decided at submission, stage by stage: done by whom, in progress, or still ahead. */
export function RouteSection({ stages, locale }: { stages: RequestView["stages"]; locale: Locale }) {
  const m = requestMessages(locale);
  return (
    <Section id="route" title={m.sections.route}>
      <ol className="space-y-3">
        {stages.map((s) => (
          <li key={s.stage} className="flex gap-3" aria-current={s.state === "current" ? "step" : undefined}>
            <span className={`mt-1.5 size-2.5 shrink-0 rounded-full ring-4 ${DOT[s.state]}`} aria-hidden="true" />
            <div className="min-w-0 text-sm">
              <p className="font-medium text-slate-900">
                {m.stages[s.stage]}
                <span className={`ml-2 text-xs font-normal ${s.state === "current" ? "text-accent-800" : s.state === "rejected" ? "text-red-700" : "text-slate-600"}`}>{m.stageStates[s.state]}</span>
              </p>
              {s.actors.map((a, i) => (
                <p key={i} className="text-xs text-slate-600">
                  {[a.name, roleName(a.role, locale), dateTime(a.at, locale)].filter(Boolean).join(" · ")}
                </p>
              ))}
            </div>
          </li>
        ))}
      </ol>
    </Section>
  );
}
