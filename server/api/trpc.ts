import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { AppError, ERROR_CODES, FIELD_ERROR_CODES, isAppError, type ErrorCode, type ErrorParams } from "../domain/errors";
import type { StaffRole } from "../domain/vocabulary";
import { errorMessage, fieldErrors } from "../i18n/errors";
import { DEFAULT_LOCALE } from "../i18n/locale";
import { env } from "../env";
import { loggerFor } from "../log/logger";
import { observeProcedure } from "../metrics/registry";
import type { Context } from "./context";
import { isDatabaseUnavailable } from "./db-errors";
import { within } from "./deadline";

const CHECK_FIELDS = { "zh-CN": "请检查标出的项目", en: "Please check the highlighted fields" } as const;

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  /** The one place errors become what clients see: a localized message, the app code, per-field messages. */
  errorFormatter({ shape, error, ctx }) {
    const locale = ctx?.locale ?? DEFAULT_LOCALE;
    const cause = error.cause;
    if (cause instanceof ZodError) {
      return {
        ...shape,
        message: CHECK_FIELDS[locale],
        data: { ...shape.data, appCode: "validation" as const, fieldErrors: fieldErrors(cause.issues, locale), params: {} as ErrorParams, stack: undefined },
      };
    }
    if (isAppError(cause)) {
      const message = errorMessage(cause.code, cause.params, locale);
      // A refusal about one input field (an unknown or retired reason) is shown under that field, like a schema error.
      const field = FIELD_ERROR_CODES.includes(cause.code) && typeof cause.params.field === "string" ? cause.params.field : null;
      return {
        ...shape,
        message,
        data: {
          ...shape.data,
          appCode: cause.code as ErrorCode | "validation",
          fieldErrors: field ? ({ [field]: message } as Record<string, string>) : null,
          params: cause.params,
          stack: undefined,
        },
      };
    }
    // The database went away before a procedure ran (e.g. while the context read the session): the same 503 answer.
    if (isDatabaseUnavailable(cause)) {
      return {
        ...shape,
        message: errorMessage("database_unavailable", {}, locale),
        data: { ...shape.data, httpStatus: 503, appCode: "database_unavailable" as const, fieldErrors: null, params: {} as ErrorParams, stack: undefined },
      };
    }
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: internal ? (locale === "zh-CN" ? "服务器出错了，请稍后再试" : "Something went wrong. Try again later") : shape.message,
      data: { ...shape.data, appCode: null, fieldErrors: null, params: {} as ErrorParams, stack: undefined },
    };
  },
});

const trpcLog = loggerFor("trpc");

/** Who called, for logs: the kind of user, never who (no id, no phone). */
function userKind(ctx: Context): string {
  if (ctx.staff) return `staff:${ctx.staff.role}`;
  return ctx.customer ? "customer" : "anonymous";
}

/**
 * Every procedure call: one log line (procedure, type, duration, outcome, user kind — never the
 * input, which can hold phones and codes) and one observation of the latency histogram.
 */
const observed = t.middleware(async ({ path, type, ctx, next }) => {
  const started = performance.now();
  const result = await next();
  const seconds = (performance.now() - started) / 1000;
  const outcome = result.ok ? "ok" : result.error.code;
  observeProcedure(path, type, outcome, seconds);
  const appCode = !result.ok && isAppError(result.error.cause) ? result.error.cause.code : undefined;
  const fields = { procedure: path, type, durationMs: Math.round(seconds * 1000), outcome, appCode, user: userKind(ctx) };
  if (outcome === "INTERNAL_SERVER_ERROR" || outcome === "SERVICE_UNAVAILABLE") trpcLog.error(fields, "procedure failed");
  else trpcLog.info(fields, "procedure");
  return result;
});

/** Turns AppErrors thrown anywhere below into the matching tRPC code (and so HTTP status). */
const appErrors = t.middleware(async ({ next, ctx }) => {
  // Every procedure answers within the deadline; a database that cannot be reached is a 503 (database_unavailable), not a 500.
  const unavailable = (why: unknown) => {
    ctx.log(`[trpc] database unavailable: ${why instanceof Error ? why.message : String(why)}`);
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: errorMessage("database_unavailable", {}, ctx.locale), cause: new AppError("database_unavailable") });
  };
  const result = await within(env().REQUEST_DEADLINE_MS, next()).catch((error: unknown) => {
    throw isDatabaseUnavailable(error) ? unavailable(error) : error;
  });
  if (!result.ok && isDatabaseUnavailable(result.error.cause)) throw unavailable(result.error.cause);
  if (!result.ok && isAppError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: ERROR_CODES[cause.code], message: errorMessage(cause.code, cause.params, ctx.locale), cause });
  }
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") ctx.log(`[trpc] ${result.error.stack ?? result.error.message}`);
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(observed).use(appErrors);

/** A signed-in customer (SMS-verified); handlers get a non-null ctx.customer. */
export const customerProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.customer) throw new TRPCError({ code: "UNAUTHORIZED", message: errorMessage("unauthorized", {}, ctx.locale) });
  return next({ ctx: { ...ctx, customer: ctx.customer } });
});

/** A signed-in, active staff user whose role is one of `roles`; handlers get a non-null ctx.staff. */
export function staffProcedure(roles: readonly StaffRole[]) {
  return publicProcedure.use(({ ctx, next }) => {
    if (!ctx.staff) throw new TRPCError({ code: "UNAUTHORIZED", message: errorMessage("unauthorized", {}, ctx.locale) });
    // A one-time password is for choosing a password (a server action), not for working.
    if (ctx.staff.mustChangePassword) throw new AppError("password_change_required");
    // Finance and admin (and anyone enrolled) work only after the second factor: a stolen password alone moves no money (ADR 019).
    if (ctx.staff.secondFactorPending) throw new AppError("second_factor_required");
    if (!roles.includes(ctx.staff.role)) throw new TRPCError({ code: "FORBIDDEN", message: errorMessage("forbidden", {}, ctx.locale) });
    return next({ ctx: { ...ctx, staff: ctx.staff } });
  });
}
