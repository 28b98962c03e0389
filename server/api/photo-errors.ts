import { AppError, ERROR_CODES, isAppError } from "../domain/errors";
import { errorMessage } from "../i18n/errors";
import type { Locale } from "../i18n/locale";
import { BUSY_RETRY_AFTER_SECONDS, PhotoRejected } from "../photos/process-photo";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "./db-errors";

export function photoRejectionToAppError(e: PhotoRejected): AppError {
  switch (e.code) {
    case "too_large":
      return new AppError("photo_too_large", { limitMb: Math.round((e.limit ?? 0) / 1024 / 1024) });
    case "too_many_pixels":
      return new AppError("photo_too_many_pixels", { limitMp: Math.round((e.limit ?? 0) / 1_000_000) });
    case "heic_not_supported":
      return new AppError("photo_heic_not_supported");
    case "undecodable":
      return new AppError("photo_undecodable");
    case "busy":
      return new AppError("photo_busy", { retryAfter: BUSY_RETRY_AFTER_SECONDS });
    default:
      return new AppError("photo_not_an_image");
  }
}

const STATUS: Record<string, number> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, PAYLOAD_TOO_LARGE: 413, TOO_MANY_REQUESTS: 429, SERVICE_UNAVAILABLE: 503 };

/** The JSON error body the H5 page shows: the same localized message as tRPC errors. */
export function errorResponse(e: unknown, locale: Locale): Response {
  if (isDatabaseUnavailable(e)) {
    return Response.json(
      { code: "database_unavailable", message: errorMessage("database_unavailable", {}, locale) },
      { status: 503, headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } },
    );
  }
  const appError = e instanceof PhotoRejected ? photoRejectionToAppError(e) : isAppError(e) ? e : null;
  if (!appError) {
    console.error("[photos]", e);
    return Response.json({ code: "internal", message: locale === "zh-CN" ? "服务器出错了，请稍后再试" : "Something went wrong. Try again later" }, { status: 500 });
  }
  const retryAfter = appError.params.retryAfter;
  return Response.json(
    { code: appError.code, message: errorMessage(appError.code, appError.params, locale) },
    { status: STATUS[ERROR_CODES[appError.code]] ?? 400, headers: retryAfter !== undefined ? { "Retry-After": String(retryAfter) } : {} },
  );
}
