"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, get, useFieldArray, useForm, type Resolver } from "react-hook-form";
import { format } from "@/components/format";
import { adminMessages } from "@/components/i18n/admin-messages";
import { useLocale } from "@/components/i18n/locale-context";
import { useTRPC } from "@/components/staff/trpc";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import type { AppRouter } from "@/server/api/root";
import { OPTIONAL_STAGES, type ApprovalPolicy } from "@/server/domain/policy";
import { acceptableConditions } from "@/server/domain/policy";
import { TIMED_STATUSES, timeoutRule } from "@/server/domain/timeouts";
import { RETURN_TYPES } from "@/server/domain/vocabulary";
import { TYPE_NAMES, term } from "@/server/i18n/domain-terms";
import { validationMessage } from "@/server/i18n/errors";
import { policyEditorInput, type PolicyEditorInput } from "@/server/schemas/admin";
import { AcceptableConditionsField } from "./acceptable-conditions-field";
import { CheckboxGroup } from "./checkbox-group";
import { fieldMessage, serverFailure } from "./form-errors";
import { PolicySimulator } from "./policy-simulator";
import { TIMEOUT_TEXT } from "./timeout-text";
import { TimeoutsField } from "./timeouts-field";
import { YuanInput } from "./yuan-input";

type Outputs = inferRouterOutputs<AppRouter>["admin"];
export type CategoryOption = Outputs["categories"][number];

const DEADLINES = ["staffReviewHours", "customerInfoDays", "customerShipDays", "warehouseConfirmDays", "refundDays", "appealDays"] as const;

/** Optional number inputs: empty means "no such condition". */
const optionalNumber = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v));

type TimeoutRulesInput = NonNullable<PolicyEditorInput["policy"]["timeouts"]>;

/** Each stage's rule with only the fields its action uses (an amount for auto-approval, who is told for remind / alert). */
function normaliseTimeouts(timeouts: PolicyEditorInput["policy"]["timeouts"]): TimeoutRulesInput {
  const out: TimeoutRulesInput = {};
  for (const status of TIMED_STATUSES) {
    const rule = timeouts?.[status];
    if (!rule) continue;
    out[status] = {
      action: rule.action,
      ...(rule.action === "auto_approve" && rule.autoApproveMaxFen !== undefined ? { autoApproveMaxFen: rule.autoApproveMaxFen } : {}),
      ...((rule.action === "remind" || rule.action === "alert") && rule.notifyRoles?.length ? { notifyRoles: rule.notifyRoles } : {}),
    };
  }
  return out;
}

/** Conditions left empty in the form are absent in the policy (the schema wants non-empty lists or nothing). */
function normalise(values: PolicyEditorInput): PolicyEditorInput {
  const { csReviewTimeout: _legacy, ...policy } = values.policy;
  return {
    ...values,
    policy: {
      ...policy,
      timeouts: normaliseTimeouts(policy.timeouts),
      rules: values.policy.rules.map((r) => {
        const when = Object.fromEntries(Object.entries(r.when).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
        return { ...r, when };
      }),
    },
  };
}

/** Settings a stored policy may lack (added later) filled with their defaults from code, so the form shows them. */
const withDefaults = <P extends PolicyEditorInput["policy"]>(policy: P): P => ({
  ...policy,
  acceptableConditions: [...acceptableConditions(policy as ApprovalPolicy)],
  // Every timed stage shows its rule in force (the policy's, else the default).
  timeouts: Object.fromEntries(TIMED_STATUSES.map((s) => [s, { ...timeoutRule(s, (policy as ApprovalPolicy).timeouts) }])),
});

/**
 * The approval policy editor: routing rules, time limits and what happens when they pass, a
 * simulator for the draft, and save as a new version (expectedVersion: a concurrent save is a
 * conflict, never a silent overwrite). Reasons (evidence.reasons) pass through untouched.
 */
export function PolicyEditor({ current, categories }: { current: Outputs["policy"]; categories: CategoryOption[] }) {
  const locale = useLocale();
  const all = adminMessages(locale);
  const m = all.policy;
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const zod = zodResolver(policyEditorInput, { error: (issue) => validationMessage(issue as never, locale) });
  const resolver: Resolver<PolicyEditorInput> = (values, ctx, opts) => (zod as unknown as Resolver<PolicyEditorInput>)(normalise(values), ctx, opts);
  const form = useForm<PolicyEditorInput>({ resolver, defaultValues: { policy: withDefaults(current.policy), note: "" } });
  const rules = useFieldArray({ control: form.control, name: "policy.rules" });
  const save = useMutation(trpc.admin.replacePolicy.mutationOptions());
  const failure = serverFailure(save.error);
  const [invalid, setInvalid] = useState(false);

  const err = (path: string) => fieldMessage((get(form.formState.errors, path) as { message?: string } | undefined)?.message, locale) ?? failure?.fieldErrors?.[path];
  const highValue = categories.filter((c) => c.highValue).map((c) => (locale === "en" ? c.nameEn : c.nameZh));
  const categoryOptions = categories.map((c) => ({ value: c.code, label: locale === "en" ? c.nameEn : c.nameZh }));
  const typeOptions = RETURN_TYPES.map((t) => ({ value: t, label: term(TYPE_NAMES, t, locale) }));
  const stageOptions = OPTIONAL_STAGES.map((s) => ({ value: s, label: all.stages[s] }));

  /** The draft as the server will see it, or null (and the fields marked) when it does not validate. */
  const draft = async (): Promise<ApprovalPolicy | null> => {
    const ok = await form.trigger();
    setInvalid(!ok);
    if (!ok) return null;
    return policyEditorInput.parse(normalise(form.getValues())).policy as ApprovalPolicy;
  };

  const submit = form.handleSubmit(
    (values) => {
      setInvalid(false);
      const parsed = policyEditorInput.parse(normalise(values));
      save.mutate(
        { ...parsed, note: parsed.note || undefined, expectedVersion: current.version },
        {
          onSuccess: (saved) => {
            toast.show(format(m.savedToast, { version: saved.version }), { tone: "success" });
            form.reset({ policy: withDefaults(saved.policy as PolicyEditorInput["policy"]), note: "" });
            router.refresh();
          },
        },
      );
    },
    () => setInvalid(true),
  );

  const addRule = () =>
    rules.append({ id: `rule-${rules.fields.length + 1}`, description: "", when: {}, addStages: ["ops_review"] });

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form onSubmit={submit} noValidate className="space-y-6" aria-label={m.pageTitle}>
        <Card as="section" aria-labelledby="rules-title" padding="lg">
          <CardHeader id="rules-title" title={m.rulesTitle} description={m.rulesIntro} />
          <ol className="mt-5 space-y-5">
            {rules.fields.map((field, i) => {
              const base = `policy.rules.${i}` as const;
              return (
                <li key={field.id} className="rounded-lg border border-slate-200 p-4">
                  <fieldset className="space-y-4">
                    <legend className="sr-only">{format(m.rule, { n: i + 1 })}</legend>
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <h3 className="text-sm font-semibold text-slate-900">{format(m.rule, { n: i + 1 })}</h3>
                      <div className="flex gap-2">
                        {i > 0 && (
                          <button type="button" onClick={() => rules.move(i, i - 1)} className={buttonClass("ghost", "min-h-9 px-3")} aria-label={format(m.moveUp, { n: i + 1 })}>
                            ↑
                          </button>
                        )}
                        <button type="button" onClick={() => rules.remove(i)} className={buttonClass("ghost", "min-h-9 px-3 text-red-700")}>
                          {format(m.removeRule, { n: i + 1 })}
                        </button>
                      </div>
                    </div>
                    <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
                      <Field label={m.ruleId} hint={m.ruleIdHint} error={err(`${base}.id`)}>
                        {(p) => <input {...p} className={inputClass} {...form.register(`${base}.id`)} />}
                      </Field>
                      <Field label={m.description} error={err(`${base}.description`)}>
                        {(p) => <input {...p} className={inputClass} {...form.register(`${base}.description`)} />}
                      </Field>
                    </div>
                    <div className="grid gap-4 sm:grid-cols-2">
                      <Controller
                        control={form.control}
                        name={`${base}.when.amountAboveFen`}
                        render={({ field: f }) => (
                          <Field label={m.amountAbove} error={err(`${base}.when.amountAboveFen`)}>
                            {(p) => <YuanInput {...p} value={f.value} onChange={f.onChange} onBlur={f.onBlur} />}
                          </Field>
                        )}
                      />
                      <Field label={m.priorReturns} error={err(`${base}.when.priorReturnsAtLeast`)}>
                        {(p) => <input {...p} type="number" min={1} inputMode="numeric" className={inputClass} {...form.register(`${base}.when.priorReturnsAtLeast`, { setValueAs: optionalNumber })} />}
                      </Field>
                    </div>
                    <Controller
                      control={form.control}
                      name={`${base}.when.anyCategoryHighValue`}
                      render={({ field: f }) => (
                        <div>
                          <label className="inline-flex min-h-9 items-center gap-2 text-sm font-medium text-slate-800">
                            <input type="checkbox" className="size-4 accent-accent-700" checked={f.value === true} onChange={(e) => f.onChange(e.target.checked ? true : undefined)} />
                            {m.anyHighValue}
                          </label>
                          <p className="text-xs text-slate-600">{highValue.length ? format(m.highValueHint, { list: highValue.join(locale === "en" ? ", " : "、") }) : m.noHighValue}</p>
                        </div>
                      )}
                    />
                    <Controller
                      control={form.control}
                      name={`${base}.when.categoryIn`}
                      render={({ field: f }) => (
                        <CheckboxGroup legend={m.categoryIn} options={categoryOptions} value={f.value} onChange={f.onChange} emptyAsUndefined error={err(`${base}.when.categoryIn`)} />
                      )}
                    />
                    <Controller
                      control={form.control}
                      name={`${base}.when.typeIn`}
                      render={({ field: f }) => <CheckboxGroup legend={m.typeIn} options={typeOptions} value={f.value} onChange={f.onChange} emptyAsUndefined error={err(`${base}.when.typeIn`)} />}
                    />
                    <Controller
                      control={form.control}
                      name={`${base}.addStages`}
                      render={({ field: f }) => <CheckboxGroup legend={m.addStages} options={stageOptions} value={f.value} onChange={(v) => f.onChange(v ?? [])} error={err(`${base}.addStages`)} />}
                    />
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <button type="button" onClick={addRule} className={buttonClass("secondary", "mt-4")}>
            {m.addRule}
          </button>
        </Card>

        <Card as="section" aria-labelledby="settings-title" padding="lg">
          <CardHeader id="settings-title" title={m.settingsTitle} />
          <div className="mt-5 grid gap-4 sm:grid-cols-2">
            {DEADLINES.map((d) => (
              <Field key={d} label={m.deadlines[d]} error={err(`policy.deadlines.${d}`)}>
                {(p) => <input {...p} type="number" min={1} inputMode="numeric" className={inputClass} {...form.register(`policy.deadlines.${d}`, { valueAsNumber: true })} />}
              </Field>
            ))}
            <Field label={m.exchangeOutOfStock} error={err("policy.exchangeOutOfStock")}>
              {(p) => (
                <select {...p} className={inputClass} {...form.register("policy.exchangeOutOfStock")}>
                  <option value="customer_chooses">{m.exchangeOutOfStockOptions.customer_chooses}</option>
                  <option value="staff_decide">{m.exchangeOutOfStockOptions.staff_decide}</option>
                </select>
              )}
            </Field>
            <Field label={m.historyWindowDays} error={err("policy.historyWindowDays")}>
              {(p) => <input {...p} type="number" min={1} inputMode="numeric" className={inputClass} {...form.register("policy.historyWindowDays", { valueAsNumber: true })} />}
            </Field>
            <Field label={m.maxPhotos} hint={m.reasonsNote} error={err("policy.evidence.maxPhotos")}>
              {(p) => <input {...p} type="number" min={0} max={9} inputMode="numeric" className={inputClass} {...form.register("policy.evidence.maxPhotos", { valueAsNumber: true })} />}
            </Field>
            <div className="sm:col-span-2">
              <AcceptableConditionsField control={form.control} error={err("policy.acceptableConditions")} />
            </div>
          </div>
        </Card>

        <Card as="section" aria-labelledby="timeouts-title" padding="lg">
          <CardHeader id="timeouts-title" title={TIMEOUT_TEXT[locale].title} description={TIMEOUT_TEXT[locale].intro} />
          <div className="mt-5">
            <TimeoutsField control={form.control} error={err} />
          </div>
        </Card>

        <Card as="section" aria-label={m.save} padding="lg" className="space-y-4">
          <Field label={m.note} error={err("note")}>
            {(p) => <input {...p} placeholder={m.notePlaceholder} className={inputClass} {...form.register("note")} />}
          </Field>
          {invalid && <Alert>{m.invalid}</Alert>}
          {failure && (
            <Alert>
              {failure.appCode === "version_conflict" ? (
                <span className="flex flex-wrap items-center gap-3">
                  {m.conflict}
                  <button type="button" onClick={() => window.location.reload()} className={buttonClass("secondary", "min-h-9 px-3")}>
                    {m.reload}
                  </button>
                </span>
              ) : (
                failure.message
              )}
            </Alert>
          )}
          <button type="submit" disabled={save.isPending} aria-busy={save.isPending} className={buttonClass("primary")}>
            {save.isPending && <Spinner />}
            {save.isPending ? m.saving : m.save}
          </button>
        </Card>
      </form>

      <PolicySimulator draft={draft} categories={categoryOptions} />
    </div>
  );
}
