import type { inferRouterOutputs } from "@trpc/server";
import { dateTime, format, yuan } from "@/components/format";
import { adminMessages } from "@/components/i18n/admin-messages";
import { Card, CardHeader } from "@/components/ui/card";
import type { AppRouter } from "@/server/api/root";
import type { PolicyChange } from "@/server/domain/policy-diff";
import { RETURN_TYPES, STAGES, type ReturnType, type Stage } from "@/server/domain/vocabulary";
import { TYPE_NAMES, term } from "@/server/i18n/domain-terms";
import type { Locale } from "@/server/i18n/locale";
import { timeoutFieldName, timeoutValueText } from "./timeout-text";

type Version = inferRouterOutputs<AppRouter>["admin"]["policyHistory"][number];

/** One value of a diff in words: fen as yuan, stage and type codes by name, yes/no, "not set". */
function valueText(path: string, value: unknown, locale: Locale): string {
  const m = adminMessages(locale);
  if (value === undefined || value === null) return m.policy.unset;
  const timeout = timeoutValueText(path, value, locale);
  if (timeout) return timeout;
  if (typeof value === "boolean") return value ? m.policy.yes : m.policy.no;
  if (typeof value === "number") return path.endsWith("Fen") ? yuan(value) : String(value);
  if (path === "csReviewTimeout" && (value === "escalate" || value === "none")) return m.policy.timeoutOptions[value];
  if (path === "exchangeOutOfStock" && (value === "customer_chooses" || value === "staff_decide")) return m.policy.exchangeOutOfStockOptions[value];
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === "string")) {
      return value
        .map((v: string) => (STAGES.includes(v as Stage) ? m.stages[v as Stage] : RETURN_TYPES.includes(v as ReturnType) ? term(TYPE_NAMES, v as ReturnType, locale) : v))
        .join(locale === "en" ? ", " : "、");
    }
    return `${value.length}`;
  }
  return String(value);
}

/** A diff entry as one readable line. */
export function changeText(c: PolicyChange, locale: Locale): string {
  const m = adminMessages(locale).policy;
  const field = (path: string) => m.fieldNames[path] ?? timeoutFieldName(path, locale) ?? path;
  switch (c.kind) {
    case "rule_added":
    case "rule_removed":
      return format(m.change[c.kind], { rule: c.rule.description || c.ruleId });
    case "rules_reordered":
      return m.change.rules_reordered;
    case "rule_changed":
      return format(m.change.rule_changed, { rule: c.ruleId, field: field(c.field), before: valueText(c.field, c.before, locale), after: valueText(c.field, c.after, locale) });
    case "setting_changed":
      return format(m.change.setting_changed, { field: field(c.path), before: valueText(c.path, c.before, locale), after: valueText(c.path, c.after, locale) });
  }
}

/** Every version, newest first: who saved it, when, the note, and what changed from the one before. */
export function PolicyHistory({ versions, locale }: { versions: Version[]; locale: Locale }) {
  const m = adminMessages(locale).policy;
  return (
    <Card as="section" aria-labelledby="history-title" padding="lg" className="mt-6">
      <CardHeader id="history-title" title={m.historyTitle} />
      <ol className="mt-4 space-y-4">
        {versions.map((v) => (
          <li key={v.id} className="border-l-2 border-accent-600 pl-4">
            <h3 className="text-sm font-semibold text-slate-900">
              {format(m.historyVersion, { version: v.version })}
              {v.note && <span className="ml-2 font-normal text-slate-700">{locale === "en" ? `“${v.note}”` : `「${v.note}」`}</span>}
            </h3>
            <p className="text-xs text-slate-600">{format(m.historyBy, { name: v.createdByName ?? m.historySystem, when: dateTime(v.createdAt, locale) })}</p>
            {v.changes.length === 0 ? (
              <p className="mt-1 text-sm text-slate-600">{m.noChanges}</p>
            ) : (
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-800">
                {v.changes.map((c, i) => (
                  <li key={i}>{changeText(c, locale)}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}
