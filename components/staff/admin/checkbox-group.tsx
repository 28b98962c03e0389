"use client";

/** A labelled set of checkboxes editing one array value; an empty choice is `undefined` when `emptyAsUndefined`. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  error,
  emptyAsUndefined = false,
  hint,
}: {
  legend: string;
  options: { value: T; label: string }[];
  value: T[] | undefined;
  onChange: (next: T[] | undefined) => void;
  error?: string;
  emptyAsUndefined?: boolean;
  hint?: string;
}) {
  const chosen = value ?? [];
  return (
    <fieldset className="space-y-1.5" aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint && <p className="text-xs text-slate-600">{hint}</p>}
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="inline-flex min-h-9 items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4 accent-accent-700"
              checked={chosen.includes(o.value)}
              onChange={(e) => {
                const next = e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value);
                onChange(next.length === 0 && emptyAsUndefined ? undefined : next);
              }}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error && <p className="text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}
