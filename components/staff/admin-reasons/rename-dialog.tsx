"use client";

import type { ReasonsMessages } from "@/components/i18n/reasons-messages";
import { Dialog } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import type { Failure } from "./failure";
import { fill, type ReasonRow } from "./types";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

/** Both names of one reason, edited together (the code stays: requests and mappings refer to it). */
export function RenameDialog({
  row,
  name,
  t,
  pending,
  failure,
  onCancel,
  onSave,
}: {
  row: ReasonRow | null;
  name: string;
  t: ReasonsMessages;
  pending: boolean;
  failure: Failure | null;
  onCancel: () => void;
  onSave: (nameZh: string, nameEn: string) => void;
}) {
  const formId = "rename-reason-form";
  const generic = failure && Object.keys(failure.fieldErrors).length === 0 ? failure.message : null;
  return (
    <Dialog
      open={row !== null}
      onClose={onCancel}
      title={fill(t.renameNamed, { name })}
      description={row ? `${t.code}: ${row.code}` : undefined}
      dismissible={!pending}
      footer={<FormDialogFooter formId={formId} pending={pending} onCancel={onCancel} cancelLabel={t.cancel} submitLabel={pending ? t.saving : t.save} />}
    >
      {row && (
        <form
          id={formId}
          key={`${row.id}-${row.version}`}
          noValidate
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            onSave(String(form.get("nameZh") ?? ""), String(form.get("nameEn") ?? ""));
          }}
        >
          <Field label={t.nameZh} error={failure?.fieldErrors.nameZh}>
            {(p) => <input {...p} name="nameZh" lang="zh-CN" defaultValue={row.nameZh} maxLength={40} className={inputClass} />}
          </Field>
          <Field label={t.nameEn} error={failure?.fieldErrors.nameEn}>
            {(p) => <input {...p} name="nameEn" lang="en" defaultValue={row.nameEn} maxLength={40} className={inputClass} />}
          </Field>
          {generic && <Alert>{generic}</Alert>}
        </form>
      )}
    </Dialog>
  );
}
