"use client";

import { useEffect, useState } from "react";
import { format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { requestMessages } from "@/components/i18n/request-messages";
import { buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { RequestView } from "./types";

type Photo = NonNullable<RequestView["photos"]>[number];

/** Photos are only served through the authorised route (the bucket stays private). */
const src = (id: string, thumb = false) => `/api/photos/${id}${thumb ? "?size=thumb" : ""}`;

/**
 * Thumbnails, and a full-size viewer: ←/→ between photos, Esc closes (the Dialog's own),
 * a zoom toggle for reading labels and damage up close.
 */
export function PhotoGallery({ photos }: { photos: Photo[] }) {
  const m = requestMessages(useLocale());
  const [open, setOpen] = useState<number | null>(null);
  const [zoomed, setZoomed] = useState(false);
  const total = photos.length;

  const show = (i: number) => {
    setZoomed(false);
    setOpen(((i % total) + total) % total);
  };

  useEffect(() => {
    if (open === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "ArrowRight") show(open + 1);
      else if (e.key === "ArrowLeft") show(open - 1);
      else return;
      e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });

  if (total === 0) return <p className="text-sm text-slate-600">{m.photos.none}</p>;
  const current = open === null ? null : photos[open];

  return (
    <>
      <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-5">
        {photos.map((p, i) => (
          <li key={p.id}>
            <button
              type="button"
              onClick={() => show(i)}
              aria-label={format(m.photos.open, { n: i + 1, total })}
              className="block aspect-square w-full overflow-hidden rounded-lg bg-slate-100 ring-1 ring-slate-200 hover:ring-2 hover:ring-accent-600 focus-visible:ring-2 focus-visible:ring-accent-600 focus-visible:outline-none"
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- private, authorised route: next/image would cache it in a shared optimiser */}
              <img src={src(p.id, true)} alt="" loading="lazy" className="size-full object-cover" />
            </button>
          </li>
        ))}
      </ul>
      <Dialog
        open={current !== null && current !== undefined}
        onClose={() => setOpen(null)}
        title={open === null ? "" : format(m.photos.viewer, { n: open + 1, total })}
        description={m.photos.keys}
        size="lg"
        footer={
          <>
            <button type="button" className={buttonClass("secondary")} onClick={() => setZoomed((z) => !z)} aria-pressed={zoomed}>
              {zoomed ? m.photos.zoomOut : m.photos.zoomIn}
            </button>
            {total > 1 && open !== null && (
              <>
                <button type="button" className={buttonClass("secondary")} onClick={() => show(open - 1)}>
                  {`← ${m.photos.prev}`}
                </button>
                <button type="button" className={buttonClass("primary")} onClick={() => show(open + 1)}>
                  {`${m.photos.next} →`}
                </button>
              </>
            )}
          </>
        }
      >
        {current && (
          <div className="max-h-[60dvh] overflow-auto rounded-lg bg-slate-900">
            {/* eslint-disable-next-line @next/next/no-img-element -- see the thumbnail above */}
            <img
              src={src(current.id)}
              alt={format(m.photos.viewer, { n: (open ?? 0) + 1, total })}
              width={current.width}
              height={current.height}
              className={zoomed ? "max-w-none" : "mx-auto h-auto max-h-[60dvh] w-auto max-w-full object-contain"}
              style={zoomed ? { width: current.width * 1.5 } : undefined}
            />
          </div>
        )}
      </Dialog>
    </>
  );
}
