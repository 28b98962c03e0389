"use client";

import { useState, type InputHTMLAttributes } from "react";
import { inputClass } from "@/components/ui/input";

/**
 * Yuan typed by people, fen kept by the form: "199.5" → 19950. Empty → undefined (no condition);
 * anything that is not an amount → NaN, which the schema's fen rule turns into its message.
 */
export function YuanInput({
  value,
  onChange,
  onBlur,
  ...rest
}: { value: number | undefined; onChange: (fen: number | undefined) => void; onBlur?: () => void } & Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "onBlur">) {
  const [text, setText] = useState(value === undefined || Number.isNaN(value) ? "" : (value / 100).toString());
  return (
    <input
      {...rest}
      type="text"
      inputMode="decimal"
      value={text}
      onBlur={onBlur}
      onChange={(e) => {
        setText(e.target.value);
        const t = e.target.value.trim();
        onChange(t === "" ? undefined : /^\d+(\.\d{1,2})?$/.test(t) ? Math.round(Number(t) * 100) : Number.NaN);
      }}
      className={inputClass}
    />
  );
}
