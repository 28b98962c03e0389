import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";

/** What Field hands its control so label, hint and error are wired to it. Spread it on the input. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

export interface FieldProps {
  label: ReactNode;
  /** Shown under the label's control; read out with it (aria-describedby). */
  hint?: ReactNode;
  /** The field's error message; marks the control aria-invalid and is read out with it. */
  error?: string | null;
  /** Use a fixed id (e.g. to focus the control from elsewhere); a generated one otherwise. */
  id?: string;
  /** Rendered after the label in the same line, e.g. "optional" or a character count. */
  labelAside?: ReactNode;
  className?: string;
  /**
   * The control. Either the element itself (`<input {...register("email")} className={inputClass} />`),
   * which gets id / aria-invalid / aria-describedby added, or a render function receiving them
   * when the control sits inside other markup (an input with a button beside it):
   * `{(p) => <div className="flex gap-2"><input {...p} … /><button …/></div>}`.
   */
  children: ReactElement<Partial<FieldControlProps>> | ((control: FieldControlProps) => ReactNode);
}

export const labelClass = "block text-sm font-medium text-slate-800";
export const hintClass = "text-xs text-slate-600";
export const errorTextClass = "text-sm text-red-700";

/** Label + control + hint + error text, with the accessibility wiring done once. */
export function Field({ label, hint, error, id, labelAside, className = "", children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const control: FieldControlProps = { id: controlId, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy };

  return (
    <div className={`space-y-1.5 ${className}`.trim()}>
      {labelAside ? (
        <div className="flex items-baseline justify-between gap-2">
          <label htmlFor={controlId} className={labelClass}>
            {label}
          </label>
          {labelAside}
        </div>
      ) : (
        <label htmlFor={controlId} className={labelClass}>
          {label}
        </label>
      )}
      {typeof children === "function" ? children(control) : isValidElement(children) ? cloneElement(children, control) : children}
      {hint && (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className={errorTextClass}>
          {error}
        </p>
      )}
    </div>
  );
}
