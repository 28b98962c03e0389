"use client";

import { useCallback, useEffect, useState } from "react";
import { MAX_UPLOAD_BYTES, preparePhoto, type PreparedPhoto } from "./compress";
import { deleteDraftPhoto, UploadFailed, uploadPhoto, type UploadedPhoto } from "./upload";
import { thumbUrl } from "./urls";

export interface PhotoItem {
  key: string;
  status: "preparing" | "uploading" | "done" | "failed";
  /** 0..1 of the upload. */
  progress: number;
  photo?: UploadedPhoto;
  /** An object URL of what is being sent, or the server's thumbnail once stored. */
  previewUrl?: string;
  error?: string;
  /** Whether "retry" can send it again (a dropped connection, not a refused file). */
  retryable: boolean;
}

export interface PhotoTexts {
  tooMany: string;
  tooLarge: string;
  network: string;
}

/** At most this many uploads at once: on a slow uplink more only slows each one down. */
const PARALLEL = 2;

let seq = 0;
const newKey = () => `p${Date.now().toString(36)}${(seq++).toString(36)}`;

type Patch = (key: string, change: Partial<PhotoItem>) => void;

/** Prepared photos waiting to go up, and the ones going up now. Each upload settles on its own. */
class UploadQueue {
  private waiting: string[] = [];
  private running = new Map<string, () => void>();
  readonly prepared = new Map<string, PreparedPhoto>();
  readonly previews = new Set<string>();

  constructor(
    private readonly patch: Patch,
    private readonly network: string,
  ) {}

  push(key: string) {
    this.waiting.push(key);
    this.pump();
  }

  cancel(key: string) {
    this.waiting = this.waiting.filter((k) => k !== key);
    this.running.get(key)?.();
    this.prepared.delete(key);
  }

  private pump() {
    while (this.running.size < PARALLEL && this.waiting.length > 0) {
      const key = this.waiting.shift()!;
      const photo = this.prepared.get(key);
      if (!photo) continue;
      this.patch(key, { status: "uploading", progress: 0, error: undefined });
      const upload = uploadPhoto(photo.blob, photo.filename, (p) => this.patch(key, { progress: p }), this.network);
      this.running.set(key, upload.abort);
      upload.done
        .then((stored) => {
          this.prepared.delete(key);
          this.patch(key, { status: "done", progress: 1, photo: stored, retryable: false });
        })
        .catch((e: unknown) => {
          if (e instanceof UploadFailed && e.code === "aborted") return;
          // A refusal of the file itself (not an image, HEIC, too large) will not change on retry.
          const refusedFile = e instanceof UploadFailed && e.code !== null && e.code.startsWith("photo_");
          this.patch(key, { status: "failed", error: e instanceof Error ? e.message : this.network, retryable: !refusedFile });
        })
        .finally(() => {
          this.running.delete(key);
          this.pump();
        });
    }
  }
}

/**
 * The photos of one form: each file is compressed, queued and uploaded on its own, so one that
 * fails (or is refused) never holds up the others; it can be retried or removed.
 * `initial`: photos already on the server (a restored draft), shown from their thumbnails.
 */
export function usePhotoUploads(max: number, texts: PhotoTexts, initial: readonly UploadedPhoto[] = []) {
  const [items, setItems] = useState<PhotoItem[]>(() =>
    initial.map((p) => ({ key: p.id, status: "done", progress: 1, photo: p, previewUrl: thumbUrl(p.id), retryable: false })),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const patch = useCallback<Patch>((key, change) => setItems((all) => all.map((it) => (it.key === key ? { ...it, ...change } : it))), []);
  const [queue] = useState(() => new UploadQueue(patch, texts.network));

  const add = (files: readonly File[]) => {
    setNotice(null);
    const taken = files.slice(0, Math.max(0, max - items.length));
    if (files.length > taken.length) setNotice(texts.tooMany);
    const fresh: PhotoItem[] = taken.map(() => ({ key: newKey(), status: "preparing", progress: 0, retryable: false }));
    setItems((all) => [...all, ...fresh]);
    taken.forEach((file, i) => {
      const key = fresh[i]!.key;
      void preparePhoto(file).then((photo) => {
        if (!photo.decodable && photo.blob.size > MAX_UPLOAD_BYTES) {
          // Not worth minutes of mobile data just to be refused.
          patch(key, { status: "failed", error: texts.tooLarge, retryable: false });
          return;
        }
        let previewUrl: string | undefined;
        if (photo.decodable) {
          previewUrl = URL.createObjectURL(photo.blob);
          queue.previews.add(previewUrl);
        }
        queue.prepared.set(key, photo);
        patch(key, { previewUrl });
        queue.push(key);
      });
    });
  };

  const remove = (key: string) => {
    setNotice(null);
    const item = items.find((it) => it.key === key);
    if (item?.photo) void deleteDraftPhoto(item.photo.id);
    if (item?.previewUrl && queue.previews.delete(item.previewUrl)) URL.revokeObjectURL(item.previewUrl);
    queue.cancel(key);
    setItems((all) => all.filter((it) => it.key !== key));
  };

  const retry = (key: string) => {
    if (!queue.prepared.has(key)) return;
    patch(key, { status: "uploading", progress: 0, error: undefined });
    queue.push(key);
  };

  /** After a successful submit the photos belong to the request: forget them without deleting. */
  const clear = () => setItems([]);

  useEffect(() => {
    const previews = queue.previews;
    return () => previews.forEach((u) => URL.revokeObjectURL(u));
  }, [queue]);

  const uploaded = items.flatMap((it) => (it.status === "done" && it.photo ? [it.photo] : []));
  const busy = items.some((it) => it.status === "preparing" || it.status === "uploading");
  const failed = items.some((it) => it.status === "failed");
  return { items, uploaded, busy, failed, notice, add, remove, retry, clear };
}

export type PhotoUploads = ReturnType<typeof usePhotoUploads>;
