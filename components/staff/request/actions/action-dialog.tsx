"use client";

import type { FormEventHandler, ReactNode } from "react";
import { useLocale } from "@/components/i18n/locale-context";
import { requestMessages } from "@/components/i18n/request-messages";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";

/** A decision's form in a modal: fields in the body, Cancel / confirm in the footer (the confirm button submits the form by id). */
export function ActionDialog({
  formId,
  title,
  description,
  onSubmit,
  onClose,
  pending,
  error,
  confirmLabel,
  tone = "primary",
  size = "md",
  children,
}: {
  formId: string;
  title: string;
  description?: ReactNode;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onClose: () => void;
  pending: boolean;
  error?: string | null;
  confirmLabel: string;
  tone?: "primary" | "danger";
  size?: "sm" | "md" | "lg";
  children?: ReactNode;
}) {
  const m = requestMessages(useLocale());
  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      description={description}
      size={size}
      dismissible={!pending}
      footer={
        <>
          <button type="button" onClick={onClose} disabled={pending} className={buttonClass("secondary")}>
            {m.actions.cancel}
          </button>
          <button type="submit" form={formId} disabled={pending} aria-busy={pending} className={buttonClass(tone)}>
            {pending && <Spinner />}
            {confirmLabel}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4">
        {children}
        {error && <Alert>{error}</Alert>}
      </form>
    </Dialog>
  );
}
