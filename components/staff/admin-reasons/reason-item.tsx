import type { ReasonsMessages } from "@/components/i18n/reasons-messages";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import type { Locale } from "@/server/i18n/locale";
import { fill, type ReasonRow } from "./types";

interface Props {
  row: ReasonRow;
  first: boolean;
  last: boolean;
  locale: Locale;
  t: ReasonsMessages;
  /** A change of this list is on its way: one at a time keeps the versions straight. */
  busy: boolean;
  onMove: (direction: "up" | "down") => void;
  onPhoto: (photoRequired: boolean) => void;
  onRename: () => void;
  onRetire: () => void;
  onRestore: () => void;
}

const small = "px-3";

/** One reason: its names in both languages, code and state, and the store manager's actions on it. */
export function ReasonItem({ row, first, last, locale, t, busy, onMove, onPhoto, onRename, onRetire, onRestore }: Props) {
  const name = locale === "en" ? row.nameEn : row.nameZh;
  const other = locale === "en" ? row.nameZh : row.nameEn;
  return (
    <li className={`flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 ${row.retired ? "bg-slate-50" : ""}`}>
      <div className="min-w-0 flex-1 basis-52">
        <p className="font-medium text-slate-900">
          <span className={row.retired ? "text-slate-500" : undefined}>{name}</span>
          <span className="ml-2 text-sm font-normal text-slate-600" lang={locale === "en" ? "zh-CN" : "en"}>
            {other}
          </span>
        </p>
        <p className="mt-1 flex flex-wrap items-center gap-1.5">
          <code className="rounded bg-slate-100 px-1.5 py-px font-mono text-xs text-slate-700">{row.code}</code>
          {row.retired ? <Badge>{t.retired}</Badge> : <Badge tone="success">{t.active}</Badge>}
          {row.photoRequired && <Badge tone="warning">{t.photoRequired}</Badge>}
        </p>
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass("secondary", small)} disabled={busy || first} onClick={() => onMove("up")} aria-label={fill(t.moveUpNamed, { name })} title={t.moveUp}>
          <span aria-hidden="true">↑</span>
        </button>
        <button type="button" className={buttonClass("secondary", small)} disabled={busy || last} onClick={() => onMove("down")} aria-label={fill(t.moveDownNamed, { name })} title={t.moveDown}>
          <span aria-hidden="true">↓</span>
        </button>
        {row.kind === "customer" && (
          <label className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg px-2 text-sm text-slate-800 hover:bg-slate-100">
            <input
              type="checkbox"
              className="size-5 accent-accent-700"
              checked={row.photoRequired}
              disabled={busy}
              onChange={(e) => onPhoto(e.target.checked)}
              aria-label={fill(t.photoToggleNamed, { name })}
            />
            <span aria-hidden="true">{t.columns.photo}</span>
          </label>
        )}
        <button type="button" className={buttonClass("secondary", small)} disabled={busy} onClick={onRename} aria-label={fill(t.renameNamed, { name })}>
          {t.rename}
        </button>
        {row.retired ? (
          <button type="button" className={buttonClass("secondary", small)} disabled={busy} onClick={onRestore} aria-label={fill(t.restoreNamed, { name })}>
            {t.restore}
          </button>
        ) : (
          <button type="button" className={buttonClass("ghost", `${small} text-red-700! hover:bg-red-50`)} disabled={busy} onClick={onRetire} aria-label={fill(t.retireNamed, { name })}>
            {t.retire}
          </button>
        )}
      </div>
    </li>
  );
}
