"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { adminMessages } from "@/components/i18n/admin-messages";
import { useLocale } from "@/components/i18n/locale-context";
import { useTRPC } from "@/components/staff/trpc";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { uiMessages } from "@/components/ui/ui-messages";
import { STAFF_ROLES } from "@/server/domain/vocabulary";
import { ROLE_NAMES, term } from "@/server/i18n/domain-terms";
import { validationMessage } from "@/server/i18n/errors";
import { createStaffInput } from "@/server/schemas/admin";
import { fieldMessage, serverFailure } from "./form-errors";

type Values = z.input<typeof createStaffInput>;

/** Name, email, role → the server creates the account and answers with a one-time password. */
export function CreateStaffDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (name: string, password: string) => void }) {
  const locale = useLocale();
  const m = adminMessages(locale).staff;
  const trpc = useTRPC();
  const form = useForm<Values, unknown, z.output<typeof createStaffInput>>({
    resolver: zodResolver(createStaffInput, { error: (issue) => validationMessage(issue as never, locale) }),
    defaultValues: { name: "", email: "", role: "customer_service" },
  });
  const create = useMutation(trpc.admin.createStaff.mutationOptions());
  const failure = serverFailure(create.error);
  const error = (field: keyof Values) => fieldMessage(form.formState.errors[field]?.message, locale) ?? failure?.fieldErrors?.[field];

  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: (res) => {
        form.reset();
        create.reset();
        onCreated(values.name, res.oneTimePassword);
      },
    }),
  );

  return (
    <Dialog
      open={open}
      onClose={close}
      title={m.createTitle}
      description={m.createDescription}
      dismissible={!create.isPending}
      footer={
        <>
          <button type="button" onClick={close} disabled={create.isPending} className={buttonClass("secondary")}>
            {uiMessages(locale).cancel}
          </button>
          <button type="submit" form="create-staff" disabled={create.isPending} aria-busy={create.isPending} className={buttonClass("primary")}>
            {create.isPending && <Spinner />}
            {create.isPending ? m.creating : m.createSubmit}
          </button>
        </>
      }
    >
      <form id="create-staff" onSubmit={submit} noValidate className="space-y-4">
        {failure && !failure.fieldErrors && <Alert>{failure.message}</Alert>}
        <Field label={m.name} error={error("name")}>
          {(p) => <input {...p} autoComplete="off" className={inputClass} {...form.register("name")} />}
        </Field>
        <Field label={m.email} error={error("email")}>
          {(p) => <input {...p} type="email" autoComplete="off" inputMode="email" className={inputClass} {...form.register("email")} />}
        </Field>
        <Field label={m.role} error={error("role")}>
          {(p) => (
            <select {...p} className={inputClass} {...form.register("role")}>
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {term(ROLE_NAMES, r, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
    </Dialog>
  );
}
