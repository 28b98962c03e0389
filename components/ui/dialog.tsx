"use client";

import { useEffect, useId, useRef, type ReactNode, type RefObject } from "react";
import { useLocale } from "@/components/i18n/locale-context";
import { Alert } from "./alert";
import { buttonClass } from "./button";
import { Spinner } from "./spinner";
import { uiMessages } from "./ui-messages";

const SIZES = { sm: "sm:max-w-sm", md: "sm:max-w-lg", lg: "sm:max-w-2xl" } as const;

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  open: boolean;
  /** Esc, the close button and (unless `dismissible` is false) a click on the backdrop call this. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** The button row at the bottom (right-aligned on desktop, stacked full-width on phones). */
  footer?: ReactNode;
  size?: keyof typeof SIZES;
  /** What gets focus on open; the first focusable element in the body otherwise. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** False while something is in flight: Esc, backdrop and × do nothing. */
  dismissible?: boolean;
}

/**
 * A modal on the native <dialog>: showModal() makes the page behind inert and gives the top
 * layer, so the focus trap only has to keep Tab cycling inside. Focus goes back to whatever
 * opened it. Controlled: the parent owns `open`.
 */
export function Dialog({ open, onClose, title, description, children, footer, size = "md", initialFocus, dismissible = true }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();
  const t = uiMessages(useLocale());
  // Read in event handlers without re-running the open/close effect when the parent re-renders.
  const latest = useRef({ onClose, dismissible, open });
  useEffect(() => {
    latest.current = { onClose, dismissible, open };
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      const target = initialFocus?.current ?? dialog.querySelector<HTMLElement>(`[data-dialog-body] :is(${FOCUSABLE})`) ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
      target?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, initialFocus]);

  // Closing by unmount (e.g. a route change) still hands focus back.
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  const onNativeClose = () => {
    const back = opener.current;
    opener.current = null;
    if (back?.isConnected) back.focus();
    // Chrome may close a dialog on a repeated Esc even though `cancel` was prevented; tell the
    // parent, or it would think the dialog is still open and could never open it again.
    if (latest.current.open) latest.current.onClose();
  };

  const requestClose = () => {
    if (latest.current.dismissible) latest.current.onClose();
  };

  return (
    <dialog
      ref={ref}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(e) => {
        // Esc: the parent decides (it owns `open`), so stop the browser closing it behind React's back.
        e.preventDefault();
        requestClose();
      }}
      onClose={onNativeClose}
      onClick={(e) => {
        // A click on the ::backdrop lands on the <dialog> itself, never on its padded inner box.
        if (e.target === ref.current) requestClose();
      }}
      onKeyDown={(e) => {
        if (e.key !== "Tab" || !ref.current) return;
        const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
        const first = items[0];
        const last = items[items.length - 1];
        if (!first || !last) return;
        if (e.shiftKey && document.activeElement === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      }}
      className={`m-0 mt-auto w-full max-w-none rounded-t-2xl bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50 sm:m-auto sm:rounded-2xl ${SIZES[size]}`}
    >
      {open && (
        <div className="flex max-h-[85dvh] flex-col">
          <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
            <div className="min-w-0">
              <h2 id={titleId} className="text-lg font-semibold text-slate-900">
                {title}
              </h2>
              {description && (
                <p id={descriptionId} className="mt-1 text-sm text-slate-600">
                  {description}
                </p>
              )}
            </div>
            <button type="button" onClick={requestClose} disabled={!dismissible} aria-label={t.close} className={buttonClass("ghost", "-mr-2 -mt-1 shrink-0 px-2.5")}>
              <svg className="size-5" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
                <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
              </svg>
            </button>
          </div>
          {children && (
            <div data-dialog-body className="overflow-y-auto px-5 py-4">
              {children}
            </div>
          )}
          {footer && <div className="flex flex-col-reverse gap-2 border-t border-slate-200 px-5 py-4 sm:flex-row sm:justify-end">{footer}</div>}
        </div>
      )}
    </dialog>
  );
}

export interface ConfirmDialogProps {
  open: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  title: ReactNode;
  /** What will happen, in one or two sentences. */
  body?: ReactNode;
  /** Extra inputs (e.g. a reason field) between the text and the buttons. */
  children?: ReactNode;
  confirmLabel: string;
  /** Defaults to 取消 / Cancel. */
  cancelLabel?: string;
  /** "danger" for irreversible actions (reject, refund): red button, focus starts on Cancel. */
  tone?: "primary" | "danger";
  /** The action is running: the buttons are disabled and the dialog cannot be dismissed. */
  pending?: boolean;
  /** Shown above the buttons when the action failed (role=alert). */
  error?: ReactNode;
}

/** "Are you sure?" with the consequence spelled out; the confirm button shows a spinner while pending. */
export function ConfirmDialog({ open, onCancel, onConfirm, title, body, children, confirmLabel, cancelLabel, tone = "primary", pending = false, error }: ConfirmDialogProps) {
  const t = uiMessages(useLocale());
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={title}
      description={body}
      size="sm"
      dismissible={!pending}
      initialFocus={tone === "danger" && !children ? cancelRef : undefined}
      footer={
        <>
          <button ref={cancelRef} type="button" onClick={onCancel} disabled={pending} className={buttonClass("secondary")}>
            {cancelLabel ?? t.cancel}
          </button>
          <button
            type="button"
            onClick={onConfirm}
            disabled={pending}
            aria-busy={pending}
            className={buttonClass(tone)}
          >
            {pending && <Spinner />}
            {confirmLabel}
          </button>
        </>
      }
    >
      {(children || error) && (
        <div className="space-y-4">
          {children}
          {error && <Alert>{error}</Alert>}
        </div>
      )}
    </Dialog>
  );
}
