import { z } from "zod";
import { AppError } from "../domain/errors";
import { DEFAULT_MAX_BYTES } from "../photos/process-photo";
import { deleteDraftPhoto, readEvidencePhoto, storeEvidencePhoto, type PhotoViewer } from "../services/evidence-photos";
import type { ObjectStorage } from "../storage";
import type { Context } from "./context";
import { errorResponse } from "./photo-errors";
import { hitIpRateLimit } from "../services/rate-limit";
import { BodyTooLarge, readBodyCapped } from "./body-limit";
import { PUBLIC_IP_LIMITS } from "./ip-limits";
import { isSameOrigin } from "./same-origin";

/**
 * The photo endpoints as plain functions of (Request, Context, storage): app/api/photos/*
 * route files only build the context; integration tests call these with a test context.
 */

const photoId = z.uuid();

/** The photo itself plus room for the multipart boundary and part headers; processUpload checks the photo's own size. */
export const MAX_UPLOAD_BODY_BYTES = DEFAULT_MAX_BYTES + 64 * 1024;

/** POST one photo (multipart field `photo`) as the signed-in customer → the draft photo's id. */
export async function uploadPhoto(req: Request, ctx: Context, storage: ObjectStorage): Promise<Response> {
  try {
    if (!isSameOrigin(req)) throw new AppError("forbidden");
    if (!ctx.customer) throw new AppError("unauthorized");
    const { limit, windowSeconds } = PUBLIC_IP_LIMITS["photos.upload"];
    await hitIpRateLimit(ctx.db, "photos.upload", ctx.ip, limit, windowSeconds);
    // Counted while it streams in: never more than the limit (plus the form's framing) in memory.
    const body = await readBodyCapped(req, MAX_UPLOAD_BODY_BYTES).catch((e: unknown) => {
      throw e instanceof BodyTooLarge ? new AppError("photo_too_large", { limitMb: DEFAULT_MAX_BYTES / 1024 / 1024 }) : e;
    });
    const form = await new Response(body, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData().catch(() => null);
    const file = form?.get("photo");
    if (!(file instanceof File)) throw new AppError("missing_field", { field: "photo" });
    const photo = await storeEvidencePhoto(ctx.db, storage, ctx.customer.id, Buffer.from(await file.arrayBuffer()));
    return Response.json(photo, { status: 201 });
  } catch (e) {
    return errorResponse(e, ctx.locale);
  }
}

/**
 * Streams a photo to its customer, or to staff whose role may read the photos of the request it
 * belongs to (never a draft); to anyone else it does not exist.
 * `?size=thumb` for the thumbnail. Private: never kept by shared caches.
 */
export async function servePhoto(req: Request, ctx: Context, storage: ObjectStorage, rawId: string): Promise<Response> {
  try {
    const id = photoId.safeParse(rawId);
    if (!id.success) throw new AppError("not_found");
    // A session that still owes a new password or its second factor is not yet a staff viewer (ADR 019).
    const staff = ctx.staff && !ctx.staff.mustChangePassword && !ctx.staff.secondFactorPending ? ctx.staff : null;
    const viewer: PhotoViewer | null = staff ? { kind: "staff", role: staff.role } : ctx.customer ? { kind: "customer", customerId: ctx.customer.id } : null;
    if (!viewer) throw new AppError("unauthorized");
    const size = new URL(req.url).searchParams.get("size") === "thumb" ? "thumb" : "full";
    const photo = await readEvidencePhoto(ctx.db, storage, id.data, viewer, size);
    return new Response(new Uint8Array(photo.body), {
      headers: {
        "Content-Type": photo.contentType,
        "Content-Disposition": `inline; filename="photo-${id.data}${size === "thumb" ? "-thumb" : ""}.jpg"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, max-age=3600",
        ETag: `"${photo.sha256.slice(0, 32)}${size === "thumb" ? "t" : ""}"`,
      },
    });
  } catch (e) {
    return errorResponse(e, ctx.locale);
  }
}

/** The customer removes a draft photo (not yet part of a request). */
export async function removePhoto(req: Request, ctx: Context, storage: ObjectStorage, rawId: string): Promise<Response> {
  try {
    if (!isSameOrigin(req)) throw new AppError("forbidden");
    if (!ctx.customer) throw new AppError("unauthorized");
    const id = photoId.safeParse(rawId);
    if (!id.success) throw new AppError("not_found");
    await deleteDraftPhoto(ctx.db, storage, ctx.customer.id, id.data);
    return new Response(null, { status: 204 });
  } catch (e) {
    return errorResponse(e, ctx.locale);
  }
}
