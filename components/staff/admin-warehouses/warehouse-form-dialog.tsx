"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { format } from "@/components/format";
import { messages } from "@/components/i18n/messages";
import { useLocale } from "@/components/i18n/locale-context";
import { warehousesMessages } from "@/components/i18n/warehouses-messages";
import { CheckboxGroup } from "@/components/staff/admin/checkbox-group";
import { fieldMessage, serverFailure } from "@/components/staff/admin/form-errors";
import { useTRPC } from "@/components/staff/trpc";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { CHANNEL_CODES, type ChannelCode } from "@/server/domain/vocabulary";
import { validationMessage } from "@/server/i18n/errors";
import { warehouseFields } from "@/server/schemas/warehouses";
import type { CategoryOption, WarehouseRow } from "./types";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

type Values = z.input<typeof warehouseFields>;

const empty: Values = { name: "", address: "", contactName: "", contactPhone: "", postalCode: "", channelCodes: [], categoryIds: [] };

function valuesOf(row: WarehouseRow | null): Values {
  if (!row) return empty;
  return {
    name: row.name,
    address: row.address,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    postalCode: row.postalCode ?? "",
    channelCodes: [...row.channelCodes],
    categoryIds: [...row.categoryIds],
  };
}

/**
 * Create or edit one warehouse. The same zod schema as the API checks every field here first
 * (messages in the page's language); what only the server knows (a stale version, an unknown
 * category) comes back per field or as one message.
 */
export function WarehouseFormDialog({
  open,
  row,
  categories,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** null: a new warehouse. */
  row: WarehouseRow | null;
  categories: CategoryOption[];
  onClose: () => void;
  onSaved: (name: string, created: boolean) => void;
}) {
  const locale = useLocale();
  const t = warehousesMessages(locale);
  const channelNames = messages(locale).channels;
  const trpc = useTRPC();
  const form = useForm<Values, unknown, z.output<typeof warehouseFields>>({
    resolver: zodResolver(warehouseFields, { error: (issue) => validationMessage(issue as never, locale) }),
    values: valuesOf(row),
  });
  const create = useMutation(trpc.warehouses.create.mutationOptions());
  const update = useMutation(trpc.warehouses.update.mutationOptions());
  const mutation = row ? update : create;
  const failure = serverFailure(mutation.error);
  const error = (field: keyof Values) => fieldMessage(form.formState.errors[field]?.message, locale) ?? failure?.fieldErrors?.[field];

  const close = () => {
    create.reset();
    update.reset();
    form.reset(valuesOf(row));
    onClose();
  };

  const submit = form.handleSubmit((values) => {
    const done = { onSuccess: () => onSaved(values.name, !row) };
    if (row) update.mutate({ ...values, id: row.id, version: row.version }, done);
    else create.mutate(values, done);
  });

  const formId = "warehouse-form";
  const pending = mutation.isPending;
  return (
    <Dialog
      open={open}
      onClose={close}
      title={row ? format(t.editNamed, { name: row.name }) : t.addTitle}
      description={t.formIntro}
      size="lg"
      dismissible={!pending}
      footer={<FormDialogFooter formId={formId} pending={pending} onCancel={close} cancelLabel={t.cancel} submitLabel={row ? (pending ? t.saving : t.save) : pending ? t.creating : t.create} />}
    >
      <form id={formId} onSubmit={submit} noValidate className="space-y-4">
        {failure && !failure.fieldErrors && <Alert>{failure.message}</Alert>}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t.name} error={error("name")}>
            <input autoComplete="off" lang="zh-CN" maxLength={60} className={inputClass} {...form.register("name")} />
          </Field>
          <Field label={t.postalCode} error={error("postalCode")}>
            <input autoComplete="off" inputMode="numeric" maxLength={6} className={inputClass} {...form.register("postalCode")} />
          </Field>
          <Field label={t.address} hint={t.addressHint} error={error("address")} className="sm:col-span-2">
            <textarea rows={2} lang="zh-CN" maxLength={200} className={inputClass} {...form.register("address")} />
          </Field>
          <Field label={t.contactName} error={error("contactName")}>
            <input autoComplete="off" maxLength={30} className={inputClass} {...form.register("contactName")} />
          </Field>
          <Field label={t.contactPhone} error={error("contactPhone")}>
            <input type="tel" autoComplete="off" inputMode="tel" maxLength={24} className={inputClass} {...form.register("contactPhone")} />
          </Field>
        </div>
        <Controller
          control={form.control}
          name="channelCodes"
          render={({ field }) => (
            <CheckboxGroup<ChannelCode>
              legend={t.channels}
              hint={t.channelsHint}
              options={CHANNEL_CODES.map((c) => ({ value: c, label: channelNames[c] }))}
              value={field.value ?? []}
              onChange={(next) => field.onChange(next ?? [])}
              error={error("channelCodes")}
            />
          )}
        />
        <Controller
          control={form.control}
          name="categoryIds"
          render={({ field }) => (
            <CheckboxGroup<string>
              legend={t.categories}
              hint={t.categoriesHint}
              options={categories.map((c) => ({ value: c.id, label: locale === "en" ? c.nameEn : c.nameZh }))}
              value={field.value ?? []}
              onChange={(next) => field.onChange(next ?? [])}
              error={error("categoryIds")}
            />
          )}
        />
      </form>
    </Dialog>
  );
}
