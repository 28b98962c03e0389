"use client";

import { Controller, useWatch, type Control } from "react-hook-form";
import { useLocale } from "@/components/i18n/locale-context";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { ALLOWED_TIMEOUT_ACTIONS, DEFAULT_TIMEOUTS, TIMED_STATUSES, notifyRolesFor, type TimedStatus, type TimeoutAction } from "@/server/domain/timeouts";
import { STAFF_ROLES } from "@/server/domain/vocabulary";
import { ROLE_NAMES, term } from "@/server/i18n/domain-terms";
import type { PolicyEditorInput } from "@/server/schemas/admin";
import { CheckboxGroup } from "./checkbox-group";
import { roleList, TIMEOUT_TEXT } from "./timeout-text";
import { YuanInput } from "./yuan-input";

/** One stage's rule: the action (only those the stage allows), its amount or who is told. */
function TimeoutRow({ status, control, error }: { status: TimedStatus; control: Control<PolicyEditorInput>; error: (path: string) => string | undefined }) {
  const locale = useLocale();
  const text = TIMEOUT_TEXT[locale];
  const base = `policy.timeouts.${status}` as const;
  const action = useWatch({ control, name: `${base}.action` }) as TimeoutAction | undefined;
  const roleOptions = STAFF_ROLES.map((r) => ({ value: r, label: term(ROLE_NAMES, r, locale) }));
  return (
    <li className="grid gap-3 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0 sm:grid-cols-2">
      <Controller
        control={control}
        name={`${base}.action`}
        render={({ field }) => (
          <Field label={text.stages[status]} error={error(`${base}.action`)}>
            {(p) => (
              <select {...p} className={inputClass} value={field.value ?? DEFAULT_TIMEOUTS[status].action} onChange={(e) => field.onChange(e.target.value)} onBlur={field.onBlur}>
                {ALLOWED_TIMEOUT_ACTIONS[status].map((a) => (
                  <option key={a} value={a}>
                    {text.actions[a]}
                    {a === DEFAULT_TIMEOUTS[status].action ? text.defaultMark : ""}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      />
      {action === "auto_approve" && (
        <Controller
          control={control}
          name={`${base}.autoApproveMaxFen`}
          render={({ field }) => (
            <Field label={text.autoApproveMaxFen} hint={text.autoApproveHint} error={error(`${base}.autoApproveMaxFen`)}>
              {(p) => <YuanInput {...p} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
            </Field>
          )}
        />
      )}
      {(action === "remind" || action === "alert") && (
        <Controller
          control={control}
          name={`${base}.notifyRoles`}
          render={({ field }) => (
            <CheckboxGroup
              legend={text.notifyRoles}
              hint={text.notifyRolesHint.replace("{roles}", roleList(notifyRolesFor(status, { action }), locale))}
              options={roleOptions}
              value={field.value}
              onChange={field.onChange}
              emptyAsUndefined
              error={error(`${base}.notifyRoles`)}
            />
          )}
        />
      )}
    </li>
  );
}

/** The policy's per-stage timeout rules (server/domain/timeouts.ts), every timed stage one row. */
export function TimeoutsField({ control, error }: { control: Control<PolicyEditorInput>; error: (path: string) => string | undefined }) {
  return (
    <ul className="space-y-4">
      {TIMED_STATUSES.map((s) => (
        <TimeoutRow key={s} status={s} control={control} error={error} />
      ))}
    </ul>
  );
}
