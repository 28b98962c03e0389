"use client";

import { useId } from "react";
import type { H5Messages } from "@/components/i18n/h5-messages";
import { format } from "@/components/format";
import type { PhotoUploads } from "./use-photo-uploads";

function CameraIcon() {
  return (
    <svg className="size-6" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
      <path d="M4 8.5A2.5 2.5 0 0 1 6.5 6h1.2l1.3-2h6l1.3 2h1.2A2.5 2.5 0 0 1 20 8.5v9a2.5 2.5 0 0 1-2.5 2.5h-11A2.5 2.5 0 0 1 4 17.5z" strokeLinejoin="round" />
      <circle cx="12" cy="13" r="3.5" />
    </svg>
  );
}

/** The photos of a form as tiles with their own progress, plus the "take or choose" button. */
export function PhotoGrid({ uploads, max, t, label }: { uploads: PhotoUploads; max: number; t: H5Messages["photo"] & { add: string; count: string }; label: string }) {
  const inputId = useId();
  const full = uploads.items.length >= max;
  return (
    <div className="space-y-3">
      <ul className="grid grid-cols-3 gap-2" aria-label={label}>
        {uploads.items.map((item, i) => {
          const n = i + 1;
          const failed = item.status === "failed";
          return (
            <li
              key={item.key}
              data-status={item.status}
              data-photo-id={item.photo?.id}
              className={`relative overflow-hidden rounded-xl bg-slate-100 ring-1 ${failed ? "col-span-3 flex gap-3 p-2 ring-red-200" : "aspect-square ring-slate-200"}`}
            >
              {item.previewUrl ? (
                // eslint-disable-next-line @next/next/no-img-element -- an object URL or a private thumbnail: nothing for next/image to optimise
                <img src={item.previewUrl} alt={format(t.uploaded, { n })} className={failed ? "size-20 shrink-0 rounded-lg object-cover" : "size-full object-cover"} />
              ) : (
                <div className={`flex items-center justify-center text-slate-500 ${failed ? "size-20 shrink-0 rounded-lg bg-slate-200" : "size-full"}`}>
                  <CameraIcon />
                  <span className="sr-only">{format(t.uploaded, { n })}</span>
                </div>
              )}

              {(item.status === "uploading" || item.status === "preparing") && (
                <div className="absolute inset-x-0 bottom-0 bg-slate-900/70 px-2 py-1.5 text-xs text-white">
                  <span>{item.status === "preparing" ? t.compressing : format(t.uploading, { p: Math.round(item.progress * 100) })}</span>
                  <div
                    role="progressbar"
                    aria-label={format(t.uploaded, { n })}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={Math.round(item.progress * 100)}
                    className="mt-1 h-1.5 overflow-hidden rounded-full bg-white/30"
                  >
                    <div className="h-full rounded-full bg-white transition-[width]" style={{ width: `${Math.round(item.progress * 100)}%` }} />
                  </div>
                </div>
              )}

              {failed && (
                <div className="min-w-0 flex-1 pr-10">
                  <p className="text-sm font-medium text-red-800">{t.failed}</p>
                  <p role="alert" className="mt-0.5 text-sm text-red-800">
                    {item.error}
                  </p>
                  {item.retryable && (
                    <button type="button" onClick={() => uploads.retry(item.key)} className="mt-1 inline-flex min-h-11 items-center rounded-lg px-2 text-sm font-semibold text-accent-700 hover:bg-white">
                      {t.retry}
                    </button>
                  )}
                </div>
              )}

              <button
                type="button"
                onClick={() => uploads.remove(item.key)}
                aria-label={format(t.remove, { n })}
                className="absolute top-0 right-0 flex size-11 items-center justify-center"
              >
                <span className="flex size-7 items-center justify-center rounded-full bg-slate-900/70 text-white">
                  <svg className="size-4" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2.2" aria-hidden="true">
                    <path d="m5 5 10 10M15 5 5 15" strokeLinecap="round" />
                  </svg>
                </span>
              </button>
            </li>
          );
        })}
        {!full && (
          <li className="aspect-square">
            <label
              htmlFor={inputId}
              className="flex size-full cursor-pointer flex-col items-center justify-center gap-1 rounded-xl border-2 border-dashed border-slate-300 bg-white p-2 text-center text-xs font-medium text-slate-700 hover:border-accent-600 hover:text-accent-800 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-accent-600"
            >
              <CameraIcon />
              {t.add}
              <input
                id={inputId}
                type="file"
                accept="image/*"
                multiple
                className="sr-only"
                onChange={(e) => {
                  const files = Array.from(e.target.files ?? []);
                  e.target.value = "";
                  if (files.length) uploads.add(files);
                }}
              />
            </label>
          </li>
        )}
      </ul>
      <p className="text-sm text-slate-600" aria-live="polite">
        {format(t.count, { n: uploads.uploaded.length, max })}
      </p>
      {uploads.notice && (
        <p role="alert" className="text-sm text-red-700">
          {uploads.notice}
        </p>
      )}
    </div>
  );
}
