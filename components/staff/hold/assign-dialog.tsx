"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { format } from "@/components/format";
import { requestMessages } from "@/components/i18n/request-messages";
import { useTRPC } from "@/components/staff/trpc";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { worksOn } from "@/server/domain/holding";
import type { ReturnStatus, StaffRole } from "@/server/domain/vocabulary";
import { ROLE_NAMES, STATUS_NAMES, term } from "@/server/i18n/domain-terms";
import type { Locale } from "@/server/i18n/locale";
import { assignInput } from "@/server/schemas/queue";

export interface AssignTarget {
  id: string;
  rmaNo: string;
  status: ReturnStatus;
  holderId: string | null;
}

/**
 * The store manager picks who works on a request. Only active staff whose role works on its
 * status are offered (the server checks the same rule, `assignee_cannot_act`), grouped by role.
 */
export function AssignDialog({ request, locale, onClose }: { request: AssignTarget; locale: Locale; onClose: () => void }) {
  const t = requestMessages(locale).hold;
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const formId = useId();
  const [staffId, setStaffId] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const staff = useQuery(trpc.staff.assignees.queryOptions());
  const fitting = (staff.data ?? []).filter((s) => worksOn(s.role, request.status));
  const roles = [...new Set(fitting.map((s) => s.role))];

  const assign = useMutation(
    trpc.staff.assign.mutationOptions({
      onSuccess: () => {
        const name = fitting.find((s) => s.id === staffId)?.name ?? "";
        toast.show(format(t.assigned, { rma: request.rmaNo, name }), { tone: "success" });
        onClose();
        router.refresh();
      },
      // The request may have moved on meanwhile: show the current state beside the message.
      onError: () => router.refresh(),
    }),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = assignInput.safeParse({ requestId: request.id, staffId });
    if (!parsed.success) {
      setFieldError(t.chooseError);
      return;
    }
    setFieldError(null);
    assign.mutate(parsed.data);
  };

  const pending = assign.isPending;
  return (
    <Dialog
      open
      onClose={onClose}
      title={format(t.assignTitle, { rma: request.rmaNo })}
      description={format(t.assignBody, { status: term(STATUS_NAMES, request.status, locale) })}
      size="md"
      dismissible={!pending}
      footer={
        <>
          <button type="button" onClick={onClose} disabled={pending} className={buttonClass("secondary")}>
            {requestMessages(locale).actions.cancel}
          </button>
          <button type="submit" form={formId} disabled={pending || !staff.isSuccess || fitting.length === 0} aria-busy={pending} className={buttonClass("primary")}>
            {pending && <Spinner />}
            {t.assignConfirm}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="space-y-4">
        {staff.isPending && (
          <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
            <Spinner /> {t.loadingStaff}
          </p>
        )}
        {staff.isError && (
          <Alert>
            <p>{format(t.staffFailed, { message: staff.error.message })}</p>
            <button type="button" onClick={() => staff.refetch()} className={buttonClass("secondary", "mt-2")}>
              {t.retry}
            </button>
          </Alert>
        )}
        {staff.isSuccess && fitting.length === 0 && <p className="text-sm text-slate-600">{t.noAssignees}</p>}
        {staff.isSuccess && fitting.length > 0 && (
          <Field label={t.assignee} error={fieldError}>
            <select value={staffId} onChange={(e) => setStaffId(e.target.value)} disabled={pending} className={inputClass}>
              <option value="">{t.choose}</option>
              {roles.map((role: StaffRole) => (
                <optgroup key={role} label={term(ROLE_NAMES, role, locale)}>
                  {fitting
                    .filter((s) => s.role === role)
                    .map((s) => (
                      <option key={s.id} value={s.id} disabled={s.id === request.holderId}>
                        {s.name}
                        {s.id === request.holderId ? t.current : ""}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </Field>
        )}
        {assign.error && <Alert>{assign.error.message}</Alert>}
      </form>
    </Dialog>
  );
}
