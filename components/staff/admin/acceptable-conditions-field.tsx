"use client";

import { Controller, type Control } from "react-hook-form";
import { useLocale } from "@/components/i18n/locale-context";
import { ITEM_CONDITIONS } from "@/server/domain/vocabulary";
import { CONDITION_NAMES, term } from "@/server/i18n/domain-terms";
import type { PolicyEditorInput } from "@/server/schemas/admin";
import { CheckboxGroup } from "./checkbox-group";

const TEXT = {
  "zh-CN": {
    legend: "验货可接受的商品状态",
    hint: "收到的每件商品都处于勾选的状态、且数量与申请一致时，系统自动进入退款或换货发出；否则交运营主管处理。",
  },
  en: {
    legend: "Conditions accepted at inspection",
    hint: "When every unit received is in a ticked condition and the quantities match, the request moves on to the refund or the replacement by itself; otherwise it goes to the operations manager.",
  },
} as const;

/**
 * The policy's acceptable conditions (decision 028) as a checkbox group. The form's value is
 * always a list: a policy stored before the setting existed starts from the default in code.
 */
export function AcceptableConditionsField({ control, error }: { control: Control<PolicyEditorInput>; error?: string }) {
  const locale = useLocale();
  const text = TEXT[locale];
  // "missing" is no condition a unit can be accepted in: it is a unit that did not arrive.
  const options = ITEM_CONDITIONS.filter((c) => c !== "missing").map((c) => ({ value: c, label: term(CONDITION_NAMES, c, locale) }));
  return (
    <Controller
      control={control}
      name="policy.acceptableConditions"
      render={({ field }) => <CheckboxGroup legend={text.legend} hint={text.hint} options={options} value={field.value} onChange={(v) => field.onChange(v ?? [])} error={error} />}
    />
  );
}
