"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { notificationsMessages } from "@/components/i18n/notifications-messages";
import { CheckboxGroup } from "@/components/staff/admin/checkbox-group";
import { fieldMessage, serverFailure } from "@/components/staff/admin/form-errors";
import { useTRPC } from "@/components/staff/trpc";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { validationMessage } from "@/server/i18n/errors";
import { webhookEventOptions } from "./delivery-view";
import { endpointFields } from "./form-schemas";
import type { EndpointRow } from "./types";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

type Values = z.input<typeof endpointFields>;

const empty: Values = { name: "", url: "", events: [], active: true };

function valuesOf(row: EndpointRow | null): Values {
  return row ? { id: row.id, name: row.name, url: row.url, events: [...row.events], active: row.active } : empty;
}

/** Create or edit an integrator webhook: name, URL, the events it follows (none = all), active. */
export function EndpointFormDialog({
  open,
  row,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** null: a new endpoint. */
  row: EndpointRow | null;
  onClose: () => void;
  /** `secret` only on create: the dialog that shows it once comes next. */
  onSaved: (saved: { name: string; created: boolean; secret: string | null }) => void;
}) {
  const locale = useLocale();
  const t = notificationsMessages(locale).webhooks;
  const trpc = useTRPC();
  const form = useForm<Values, unknown, z.output<typeof endpointFields>>({
    resolver: zodResolver(endpointFields, { error: (issue) => validationMessage(issue as never, locale) }),
    values: valuesOf(row),
  });
  const save = useMutation(trpc.notifications.saveEndpoint.mutationOptions());
  const failure = serverFailure(save.error);
  const error = (field: keyof Values) => fieldMessage(form.formState.errors[field]?.message, locale) ?? failure?.fieldErrors?.[field];

  const close = () => {
    save.reset();
    form.reset(valuesOf(row));
    onClose();
  };

  const submit = form.handleSubmit((values) => {
    save.mutate(row ? { ...values, id: row.id } : values, {
      onSuccess: (r) => {
        form.reset(empty);
        onSaved({ name: values.name, created: !row, secret: r.secret ?? null });
      },
    });
  });

  const formId = "endpoint-form";
  const pending = save.isPending;
  return (
    <Dialog
      open={open}
      onClose={close}
      title={row ? format(t.editNamed, { name: row.name }) : t.addTitle}
      description={row ? undefined : t.formIntro}
      size="lg"
      dismissible={!pending}
      footer={<FormDialogFooter formId={formId} pending={pending} onCancel={close} cancelLabel={t.cancel} submitLabel={row ? (pending ? t.saving : t.save) : pending ? t.creating : t.create} />}
    >
      <form id={formId} onSubmit={submit} noValidate className="space-y-4">
        {failure && !failure.fieldErrors && <Alert>{failure.message}</Alert>}
        <Field label={t.name} error={error("name")}>
          <input autoComplete="off" maxLength={60} className={inputClass} {...form.register("name")} />
        </Field>
        <Field label={t.url} hint={t.urlHint} error={error("url")}>
          <input type="url" inputMode="url" autoComplete="off" spellCheck={false} maxLength={500} placeholder="https://erp.example.com/hooks/returns" className={inputClass} {...form.register("url")} />
        </Field>
        <Controller
          control={form.control}
          name="events"
          render={({ field }) => (
            <CheckboxGroup<string> legend={t.events} hint={t.eventsHint} options={webhookEventOptions(locale)} value={field.value ?? []} onChange={(next) => field.onChange(next ?? [])} error={error("events")} />
          )}
        />
        <label className="flex min-h-11 items-start gap-3 text-sm text-slate-800">
          <input type="checkbox" className="mt-0.5 size-4 accent-accent-700" {...form.register("active")} />
          <span>
            <span className="font-medium">{t.active}</span>
            <span className="block text-xs text-slate-600">{t.activeHint}</span>
          </span>
        </label>
      </form>
    </Dialog>
  );
}
