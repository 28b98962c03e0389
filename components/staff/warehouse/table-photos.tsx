"use client";

import { useId, useState } from "react";
import { format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { warehouseMessages } from "@/components/i18n/warehouse-messages";
import { Spinner } from "@/components/ui/spinner";

export interface TablePhoto {
  id: string;
  thumbnailUrl: string;
}

const MAX_PHOTOS = 9;

/**
 * Photos taken at the packing table: on a phone the file input opens the back camera
 * (capture=environment); on the PC it picks files. Each is uploaded at once to the staff route,
 * which checks and re-encodes it; the form keeps only the ids.
 */
export function TablePhotos({ photos, onChange, label }: { photos: TablePhoto[]; onChange: (photos: TablePhoto[]) => void; label?: string }) {
  const locale = useLocale();
  const t = warehouseMessages(locale);
  const inputId = useId();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setUploading(true);
    setError(null);
    const added: TablePhoto[] = [];
    try {
      for (const file of [...files].slice(0, MAX_PHOTOS - photos.length)) {
        const body = new FormData();
        body.set("file", file);
        const res = await fetch("/api/staff/parcel-photos", { method: "POST", body, headers: { "Accept-Language": locale } });
        const json = (await res.json().catch(() => null)) as { id?: string; thumbnailUrl?: string; message?: string } | null;
        if (!res.ok || !json?.id) throw new Error(json?.message ?? res.statusText);
        added.push({ id: json.id, thumbnailUrl: json.thumbnailUrl ?? `/api/staff/parcel-photos/${json.id}?thumb=1` });
      }
    } catch (e) {
      setError(format(t.uploadFailed, { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      if (added.length > 0) onChange([...photos, ...added]);
      setUploading(false);
    }
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {photos.map((p, i) => (
          <div key={p.id} className="relative">
            {/* eslint-disable-next-line @next/next/no-img-element -- private, authorised route */}
            <img src={p.thumbnailUrl} alt="" className="size-14 rounded-md object-cover ring-1 ring-slate-200" />
            <button
              type="button"
              onClick={() => onChange(photos.filter((x) => x.id !== p.id))}
              aria-label={format(t.removePhoto, { n: i + 1 })}
              className="absolute -top-2 -right-2 inline-flex size-6 items-center justify-center rounded-full bg-white text-slate-700 shadow ring-1 ring-slate-300 hover:bg-slate-50"
            >
              ×
            </button>
          </div>
        ))}
        {photos.length < MAX_PHOTOS && (
          <label
            htmlFor={inputId}
            className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg px-3 text-sm font-medium text-slate-700 ring-1 ring-slate-300 ring-dashed hover:bg-slate-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-600"
          >
            {uploading ? <Spinner /> : (
              <svg className="size-5" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
                <path d="M4 8h3l2-3h6l2 3h3v11H4zM12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8Z" strokeLinejoin="round" />
              </svg>
            )}
            {uploading ? t.uploading : (label ?? t.addPhoto)}
            <input id={inputId} type="file" accept="image/*" capture="environment" multiple className="sr-only" disabled={uploading} onChange={(e) => void upload(e.target.files).then(() => (e.target.value = ""))} />
          </label>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
