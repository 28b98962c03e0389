import { z } from "zod";
import { AppError } from "../domain/errors";
import { DEFAULT_MAX_BYTES } from "../photos/process-photo";
import { readReceipt, RECEIPT_UPLOADERS, storeReceipt } from "../services/refunds/receipts";
import type { ObjectStorage } from "../storage";
import { BodyTooLarge, readBodyCapped } from "./body-limit";
import type { Context } from "./context";
import { errorResponse } from "./photo-errors";
import { MAX_UPLOAD_BODY_BYTES } from "./photo-routes";
import { isSameOrigin } from "./same-origin";

/**
 * The refund receipt endpoints (app/api/staff/refund-receipts/*) as plain functions of
 * (Request, Context, storage), like the evidence photos' (photo-routes.ts).
 */

const receiptId = z.uuid();

/** A signed-in staff user who finished signing in (password changed, second factor given), or null. */
function signedInStaff(ctx: Context) {
  return ctx.staff && !ctx.staff.mustChangePassword && !ctx.staff.secondFactorPending ? ctx.staff : null;
}

/** POST one receipt image (multipart field `photo`) as finance → the unattached receipt's id. */
export async function uploadReceipt(req: Request, ctx: Context, storage: ObjectStorage): Promise<Response> {
  try {
    if (!isSameOrigin(req)) throw new AppError("forbidden");
    const staff = signedInStaff(ctx);
    if (!staff) throw new AppError("unauthorized");
    if (!RECEIPT_UPLOADERS.includes(staff.role)) throw new AppError("forbidden");
    const body = await readBodyCapped(req, MAX_UPLOAD_BODY_BYTES).catch((e: unknown) => {
      throw e instanceof BodyTooLarge ? new AppError("photo_too_large", { limitMb: DEFAULT_MAX_BYTES / 1024 / 1024 }) : e;
    });
    const form = await new Response(body, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData().catch(() => null);
    const file = form?.get("photo");
    if (!(file instanceof File)) throw new AppError("missing_field", { field: "photo" });
    const receipt = await storeReceipt(ctx.db, storage, staff.id, Buffer.from(await file.arrayBuffer()));
    return Response.json(receipt, { status: 201 });
  } catch (e) {
    return errorResponse(e, ctx.locale);
  }
}

/** Streams a receipt to finance or the store manager (`?size=thumb` for the thumbnail). Private: never kept by shared caches. */
export async function serveReceipt(req: Request, ctx: Context, storage: ObjectStorage, rawId: string): Promise<Response> {
  try {
    const id = receiptId.safeParse(rawId);
    if (!id.success) throw new AppError("not_found");
    const staff = signedInStaff(ctx);
    if (!staff) throw new AppError("unauthorized");
    const size = new URL(req.url).searchParams.get("size") === "thumb" ? "thumb" : "full";
    const receipt = await readReceipt(ctx.db, storage, id.data, staff, size);
    return new Response(new Uint8Array(receipt.body), {
      headers: {
        "Content-Type": receipt.contentType,
        "Content-Disposition": `inline; filename="receipt-${id.data}${size === "thumb" ? "-thumb" : ""}.jpg"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, max-age=3600",
      },
    });
  } catch (e) {
    return errorResponse(e, ctx.locale);
  }
}
