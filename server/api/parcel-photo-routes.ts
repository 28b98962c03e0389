import { z } from "zod";
import { AppError } from "../domain/errors";
import { DEFAULT_MAX_BYTES } from "../photos/process-photo";
import { PARCEL_PHOTO_UPLOADERS, readParcelPhoto, storeParcelPhoto } from "../services/receiving/parcel-photos";
import type { ObjectStorage } from "../storage";
import { BodyTooLarge, readBodyCapped } from "./body-limit";
import type { Context } from "./context";
import { errorResponse } from "./photo-errors";
import { MAX_UPLOAD_BODY_BYTES } from "./photo-routes";
import { isSameOrigin } from "./same-origin";

/**
 * The parcel photo endpoints (app/api/staff/parcel-photos/*) as plain functions of (Request,
 * Context, storage), like the refund receipts' (refund-receipt-routes.ts): photos the warehouse
 * takes at the packing table of a parcel or an unmatched parcel.
 */

const photoId = z.uuid();

/** A signed-in staff user who finished signing in (password changed, second factor given), or null. */
function signedInStaff(ctx: Context) {
  return ctx.staff && !ctx.staff.mustChangePassword && !ctx.staff.secondFactorPending ? ctx.staff : null;
}

/** POST one photo (multipart field `file`) as the warehouse → `{ id, thumbnailUrl }` of the unattached photo. */
export async function uploadParcelPhoto(req: Request, ctx: Context, storage: ObjectStorage): Promise<Response> {
  try {
    if (!isSameOrigin(req)) throw new AppError("forbidden");
    const staff = signedInStaff(ctx);
    if (!staff) throw new AppError("unauthorized");
    if (!PARCEL_PHOTO_UPLOADERS.includes(staff.role)) throw new AppError("forbidden");
    const body = await readBodyCapped(req, MAX_UPLOAD_BODY_BYTES).catch((e: unknown) => {
      throw e instanceof BodyTooLarge ? new AppError("photo_too_large", { limitMb: DEFAULT_MAX_BYTES / 1024 / 1024 }) : e;
    });
    const form = await new Response(body, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File)) throw new AppError("missing_field", { field: "file" });
    const photo = await storeParcelPhoto(ctx.db, storage, staff.id, Buffer.from(await file.arrayBuffer()));
    return Response.json(photo, { status: 201 });
  } catch (e) {
    return errorResponse(e, ctx.locale);
  }
}

/** Streams a parcel photo (`?thumb=1` for the thumbnail) to staff who may see it. Private: never kept by shared caches. */
export async function serveParcelPhoto(req: Request, ctx: Context, storage: ObjectStorage, rawId: string): Promise<Response> {
  try {
    const id = photoId.safeParse(rawId);
    if (!id.success) throw new AppError("not_found");
    const staff = signedInStaff(ctx);
    if (!staff) throw new AppError("unauthorized");
    const params = new URL(req.url).searchParams;
    const size = params.get("thumb") === "1" || params.get("size") === "thumb" ? "thumb" : "full";
    const photo = await readParcelPhoto(ctx.db, storage, id.data, staff, size);
    return new Response(new Uint8Array(photo.body), {
      headers: {
        "Content-Type": photo.contentType,
        "Content-Disposition": `inline; filename="parcel-${id.data}${size === "thumb" ? "-thumb" : ""}.jpg"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, max-age=3600",
      },
    });
  } catch (e) {
    return errorResponse(e, ctx.locale);
  }
}
