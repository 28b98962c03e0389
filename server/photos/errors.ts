/**
 * Why an uploaded photo was refused. The API layer maps `code` to a zh-CN / en message and fills
 * it with `limit` (and `actual`) where given, so the messages here are for logs and developers.
 */
export const PHOTO_REJECTION_CODES = [
  "not_an_image",
  "heic_not_supported",
  "too_large",
  "too_many_pixels",
  "undecodable",
  /** Every decode slot of this process is taken: retry shortly (not the photo's fault). */
  "busy",
] as const;

export type PhotoRejectionCode = (typeof PHOTO_REJECTION_CODES)[number];

export class PhotoRejected extends Error {
  override readonly name = "PhotoRejected";

  constructor(
    readonly code: PhotoRejectionCode,
    message: string,
    /** The limit that was exceeded: bytes for `too_large`, pixels for `too_many_pixels`. */
    readonly limit?: number,
    /** The measured value that exceeded `limit`. */
    readonly actual?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
