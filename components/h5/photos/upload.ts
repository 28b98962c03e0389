export interface UploadedPhoto {
  id: string;
  width: number;
  height: number;
}

export class UploadFailed extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/**
 * POST /api/photos with XMLHttpRequest rather than fetch: only XHR reports upload progress.
 * Rejects with UploadFailed carrying the server's localized message, or `networkMessage`.
 */
export function uploadPhoto(blob: Blob, filename: string, onProgress: (fraction: number) => void, networkMessage: string): { done: Promise<UploadedPhoto>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadedPhoto>((resolve, reject) => {
    xhr.open("POST", "/api/photos");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { id?: string; width?: number; height?: number; code?: string; message?: string } | null;
      if (xhr.status === 201 && body?.id) {
        onProgress(1);
        resolve({ id: body.id, width: body.width ?? 0, height: body.height ?? 0 });
      } else {
        reject(new UploadFailed(body?.message ?? networkMessage, body?.code ?? null));
      }
    };
    xhr.onerror = () => reject(new UploadFailed(networkMessage, null));
    xhr.onabort = () => reject(new UploadFailed(networkMessage, "aborted"));
    const form = new FormData();
    form.append("photo", blob, filename);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

/** Removes a draft photo on the server; a photo already gone is fine. */
export async function deleteDraftPhoto(id: string): Promise<void> {
  await fetch(`/api/photos/${encodeURIComponent(id)}`, { method: "DELETE" }).catch(() => undefined);
}
