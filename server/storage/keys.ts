import { randomUUID } from "node:crypto";

export interface PhotoKeys {
  image: string;
  thumbnail: string;
}

/**
 * `photos/2026/11/<uuid>.jpg` and its `_thumb.jpg`. Random names, never the uploader's file
 * name (which may hold personal data or path tricks); year/month (UTC) keeps folders small on
 * disk and lets lifecycle rules expire old photos by prefix.
 */
export function newPhotoKeys(now: Date = new Date()): PhotoKeys {
  const yyyy = String(now.getUTCFullYear());
  const mm = String(now.getUTCMonth() + 1).padStart(2, "0");
  const base = `photos/${yyyy}/${mm}/${randomUUID()}`;
  return { image: `${base}.jpg`, thumbnail: `${base}_thumb.jpg` };
}
