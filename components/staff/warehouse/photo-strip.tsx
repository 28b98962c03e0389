"use client";

import { useState } from "react";
import { format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { warehouseMessages } from "@/components/i18n/warehouse-messages";
import { Dialog } from "@/components/ui/dialog";
import type { ScanPhoto } from "./types";

/** Thumbnails (customer's or the table's photos); a click opens the full picture in a dialog. */
export function PhotoStrip({ photos, label }: { photos: ScanPhoto[]; label: string }) {
  const t = warehouseMessages(useLocale());
  const [open, setOpen] = useState<number | null>(null);
  const current = open === null ? null : photos[open];
  return (
    <>
      <ul aria-label={label} className="grid grid-cols-4 gap-2 sm:grid-cols-5">
        {photos.map((p, i) => (
          <li key={p.id}>
            <button
              type="button"
              onClick={() => setOpen(i)}
              aria-label={format(t.openPhoto, { n: i + 1, total: photos.length })}
              className="block aspect-square w-full overflow-hidden rounded-lg bg-slate-100 ring-1 ring-slate-200 hover:ring-2 hover:ring-accent-600 focus-visible:ring-2 focus-visible:ring-accent-600 focus-visible:outline-none"
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- private, authorised route: next/image would cache it in a shared optimiser */}
              <img src={p.thumbnailUrl} alt="" loading="lazy" className="size-full object-cover" />
            </button>
          </li>
        ))}
      </ul>
      <Dialog open={current != null} onClose={() => setOpen(null)} title={open === null ? "" : format(t.photoViewer, { n: open + 1, total: photos.length })} size="lg">
        {current && (
          <div className="overflow-auto rounded-lg bg-slate-900">
            {/* eslint-disable-next-line @next/next/no-img-element -- see the thumbnail above */}
            <img src={current.url} alt={format(t.photoViewer, { n: (open ?? 0) + 1, total: photos.length })} className="mx-auto h-auto max-h-[65dvh] w-auto max-w-full object-contain" />
          </div>
        )}
      </Dialog>
    </>
  );
}
