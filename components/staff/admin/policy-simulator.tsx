"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { dateTime, format } from "@/components/format";
import { adminMessages } from "@/components/i18n/admin-messages";
import { useLocale } from "@/components/i18n/locale-context";
import { useTRPCClient } from "@/components/staff/trpc";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import type { ApprovalPolicy } from "@/server/domain/policy";
import { RETURN_TYPES, type ReturnType } from "@/server/domain/vocabulary";
import { TYPE_NAMES, term } from "@/server/i18n/domain-terms";
import { validationMessage } from "@/server/i18n/errors";
import { simulationSample } from "@/server/schemas/admin";
import { CheckboxGroup } from "./checkbox-group";
import { serverFailure } from "./form-errors";
import { RouteStages } from "./route-stages";
import { YuanInput } from "./yuan-input";

/**
 * A sample request run through the draft (and the version in force), plus how many of the last
 * 30 days' requests the draft would route differently. Reads only; nothing is saved.
 */
export function PolicySimulator({ draft, categories }: { draft: () => Promise<ApprovalPolicy | null>; categories: { value: string; label: string }[] }) {
  const locale = useLocale();
  const m = adminMessages(locale).policy;
  const client = useTRPCClient();
  const [type, setType] = useState<ReturnType>("refund_only");
  const [amountFen, setAmountFen] = useState<number | undefined>(100_00);
  const [categoryCodes, setCategoryCodes] = useState<string[]>([]);
  const [priorReturns, setPriorReturns] = useState("0");
  const [sampleErrors, setSampleErrors] = useState<Record<string, string>>({});

  const run = useMutation({
    mutationFn: async () => {
      const policy = await draft();
      if (!policy) return null;
      const parsed = simulationSample.safeParse({ type, amountFen: amountFen ?? Number.NaN, categoryCodes, priorReturns: priorReturns === "" ? Number.NaN : Number(priorReturns) });
      if (!parsed.success) {
        setSampleErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), validationMessage(i, locale)])));
        return null;
      }
      setSampleErrors({});
      const [sample, impact] = await Promise.all([client.admin.simulatePolicy.query({ policy, sample: parsed.data }), client.admin.policyImpact.query(policy)]);
      return { sample, impact };
    },
  });
  const failure = serverFailure(run.error);
  const result = run.data;
  const ruleList = (rules: string[]) => (rules.length ? format(m.matched, { rules: rules.join(locale === "en" ? ", " : "、") }) : m.noneMatched);

  return (
    <Card as="section" aria-labelledby="simulate-title" padding="lg" className="h-fit space-y-4 xl:sticky xl:top-20">
      <CardHeader id="simulate-title" title={m.simulateTitle} description={m.simulateIntro} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={m.sampleType}>
          {(p) => (
            <select {...p} value={type} onChange={(e) => setType(e.target.value as ReturnType)} className={inputClass}>
              {RETURN_TYPES.map((t) => (
                <option key={t} value={t}>
                  {term(TYPE_NAMES, t, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={m.sampleAmount} error={sampleErrors.amountFen}>
          {(p) => <YuanInput {...p} value={amountFen} onChange={setAmountFen} />}
        </Field>
        <Field label={m.samplePrior} error={sampleErrors.priorReturns}>
          {(p) => <input {...p} type="number" min={0} inputMode="numeric" value={priorReturns} onChange={(e) => setPriorReturns(e.target.value)} className={inputClass} />}
        </Field>
      </div>
      <CheckboxGroup legend={m.sampleCategories} options={categories} value={categoryCodes} onChange={(v) => setCategoryCodes(v ?? [])} />
      <button type="button" onClick={() => run.mutate()} disabled={run.isPending} aria-busy={run.isPending} className={buttonClass("primary")}>
        {run.isPending && <Spinner />}
        {run.isPending ? m.simulating : m.simulate}
      </button>
      {failure && <Alert>{failure.message}</Alert>}

      <div aria-live="polite" className="space-y-4">
        {result && (
          <>
            <div className="space-y-3 rounded-lg bg-slate-50 p-3">
              <div>
                <h3 className="text-sm font-semibold text-slate-900">{m.underDraft}</h3>
                <RouteStages stages={result.sample.draft.stages} locale={locale} changed={result.sample.current.stages} />
                <p className="mt-1 text-xs text-slate-600">{ruleList(result.sample.draft.matchedRules)}</p>
              </div>
              <div>
                <h3 className="text-sm font-semibold text-slate-900">{format(m.underCurrent, { version: result.sample.currentVersion })}</h3>
                <RouteStages stages={result.sample.current.stages} locale={locale} />
                <p className="mt-1 text-xs text-slate-600">{ruleList(result.sample.current.matchedRules)}</p>
              </div>
            </div>
            <p className="text-sm font-medium text-slate-900" data-testid="policy-impact">
              {result.impact.changedCount === 0
                ? format(m.impactNone, { days: result.impact.days, total: result.impact.total })
                : format(m.impact, { days: result.impact.days, total: result.impact.total, changed: result.impact.changedCount })}
            </p>
            {result.impact.unreproducible > 0 && <p className="text-xs text-slate-600">{format(m.impactUnreproducible, { n: result.impact.unreproducible })}</p>}
            {result.impact.examples.length > 0 && (
              <div>
                <h3 className="text-sm font-semibold text-slate-900">{m.impactExamples}</h3>
                <ul className="mt-2 divide-y divide-slate-100">
                  {result.impact.examples.map((ex) => (
                    <li key={ex.id} className="space-y-1 py-2">
                      <p className="text-sm font-medium text-slate-900">
                        {ex.rmaNo} <span className="text-xs font-normal text-slate-600">{dateTime(ex.createdAt, locale)}</span>
                      </p>
                      <p className="text-xs text-slate-600">{m.before}</p>
                      <RouteStages stages={ex.before} locale={locale} />
                      <p className="text-xs text-slate-600">{m.after}</p>
                      <RouteStages stages={ex.after} locale={locale} changed={ex.before} />
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </div>
    </Card>
  );
}
