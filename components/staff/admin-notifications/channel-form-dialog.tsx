"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { notificationsMessages } from "@/components/i18n/notifications-messages";
import { fieldMessage, serverFailure } from "@/components/staff/admin/form-errors";
import { useTRPC } from "@/components/staff/trpc";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { STAFF_ROLES, type StaffRole } from "@/server/domain/vocabulary";
import { ROLE_NAMES, term } from "@/server/i18n/domain-terms";
import { validationMessage } from "@/server/i18n/errors";
import { STAFF_CHANNEL_KINDS } from "@/server/schemas/notifications";
import { channelFields } from "./form-schemas";
import type { StaffChannelRow } from "./types";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

type Values = z.input<typeof channelFields>;


function valuesOf(row: StaffChannelRow | null, role: StaffRole): Values {
  return row ? { id: row.id, role: row.role, kind: row.kind, target: row.target, active: row.active } : { role, kind: "wecom", target: "", active: true };
}

/** Add or edit where one role hears about new work and overdue items: a WeCom robot URL or an e-mail address. */
export function ChannelFormDialog({
  open,
  row,
  defaultRole = "customer_service",
  onClose,
  onSaved,
}: {
  open: boolean;
  /** null: a new channel. */
  row: StaffChannelRow | null;
  defaultRole?: StaffRole;
  onClose: () => void;
  onSaved: (saved: { role: StaffRole; kind: string; created: boolean }) => void;
}) {
  const locale = useLocale();
  const t = notificationsMessages(locale).staffChannels;
  const trpc = useTRPC();
  const form = useForm<Values, unknown, z.output<typeof channelFields>>({
    resolver: zodResolver(channelFields, { error: (issue) => validationMessage(issue as never, locale) }),
    values: valuesOf(row, defaultRole),
  });
  const save = useMutation(trpc.notifications.saveChannel.mutationOptions());
  const failure = serverFailure(save.error);
  const error = (field: keyof Values) => fieldMessage(form.formState.errors[field]?.message, locale) ?? failure?.fieldErrors?.[field];
  const kind = useWatch({ control: form.control, name: "kind" });

  const close = () => {
    save.reset();
    form.reset(valuesOf(row, defaultRole));
    onClose();
  };

  const submit = form.handleSubmit((values) => {
    save.mutate(row ? { ...values, id: row.id } : values, {
      onSuccess: () => {
        form.reset(valuesOf(null, defaultRole));
        onSaved({ role: values.role, kind: values.kind, created: !row });
      },
    });
  });

  const formId = "channel-form";
  const pending = save.isPending;
  const roleName = (r: StaffRole) => term(ROLE_NAMES, r, locale);
  return (
    <Dialog
      open={open}
      onClose={close}
      title={row ? format(t.editNamed, { role: roleName(row.role), kind: t.kinds[row.kind] ?? row.kind }) : t.addTitle}
      description={t.formIntro}
      dismissible={!pending}
      footer={<FormDialogFooter formId={formId} pending={pending} onCancel={close} cancelLabel={t.cancel} submitLabel={row ? (pending ? t.saving : t.save) : pending ? t.creating : t.create} />}
    >
      <form id={formId} onSubmit={submit} noValidate className="space-y-4">
        {failure && !failure.fieldErrors && <Alert>{failure.message}</Alert>}
        <Field label={t.role} error={error("role")}>
          <select className={inputClass} {...form.register("role")}>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {roleName(r)}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="space-y-1.5">
          <legend className="text-sm font-medium text-slate-800">{t.kind}</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-1">
            {STAFF_CHANNEL_KINDS.map((k) => (
              <label key={k} className="inline-flex min-h-11 items-center gap-2 text-sm text-slate-800">
                <input type="radio" value={k} className="size-4 accent-accent-700" {...form.register("kind")} />
                {t.kinds[k]}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={kind === "email" ? t.targetEmail : t.targetWecom} hint={kind === "email" ? t.targetEmailHint : t.targetWecomHint} error={error("target")}>
          <input
            type={kind === "email" ? "email" : "url"}
            inputMode={kind === "email" ? "email" : "url"}
            autoComplete="off"
            spellCheck={false}
            maxLength={500}
            className={inputClass}
            {...form.register("target")}
          />
        </Field>
        <label className="flex min-h-11 items-center gap-3 text-sm font-medium text-slate-800">
          <input type="checkbox" className="size-4 accent-accent-700" {...form.register("active")} />
          {t.active}
        </label>
      </form>
    </Dialog>
  );
}
