import { buttonClass } from "./button";
import { Spinner } from "./spinner";

export interface FormDialogFooterProps {
  /** The id of the dialog's <form>: the submit button sits in the footer, outside the form. */
  formId: string;
  pending: boolean;
  onCancel: () => void;
  cancelLabel: string;
  /** What the submit button says now (e.g. "Saving…" while pending). */
  submitLabel: string;
}

/** The button row of a dialog that holds a form: cancel, and submit with a spinner while it saves. */
export function FormDialogFooter({ formId, pending, onCancel, cancelLabel, submitLabel }: FormDialogFooterProps) {
  return (
    <>
      <button type="button" onClick={onCancel} disabled={pending} className={buttonClass("secondary")}>
        {cancelLabel}
      </button>
      <button type="submit" form={formId} disabled={pending} aria-busy={pending} className={buttonClass("primary")}>
        {pending && <Spinner />}
        {submitLabel}
      </button>
    </>
  );
}
