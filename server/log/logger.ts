import pino, { type Logger } from "pino";
import { logLevel } from "../env";
import { censor, maskPhonesIn, redactPaths } from "./mask";
import { currentRequestId } from "./request-context";

export type { Logger };

/**
 * The structured logger of every process (app server, tRPC, worker, jobs): one JSON object per
 * line on stdout, collected by whatever runs the process (docs/decisions/033). Each line carries
 * the request id of the request or job it belongs to (`rid`, from request-context.ts). Phone
 * numbers are masked and codes, tokens, passwords and cookies redacted, in fields by name and
 * phone numbers in the message text too.
 */
function createLogger(): Logger {
  return pino({
    level: logLevel(),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    messageKey: "msg",
    mixin: () => {
      const rid = currentRequestId();
      return rid ? { rid } : {};
    },
    redact: { paths: redactPaths(), censor },
    hooks: {
      logMethod(args, method) {
        // A message string may carry a phone number (an error's text, a provider's answer).
        const masked = args.map((a) => (typeof a === "string" ? maskPhonesIn(a) : a)) as Parameters<typeof method>;
        return method.apply(this, masked);
      },
    },
    serializers: { err: errorSerializer },
  });
}

/** Errors logged as `{ err }`: their message masked too (a database error can quote a value). */
function errorSerializer(e: unknown) {
  const s = pino.stdSerializers.err(e as Error) as { message?: string; stack?: string } & Record<string, unknown>;
  if (typeof s.message === "string") s.message = maskPhonesIn(s.message);
  if (typeof s.stack === "string") s.stack = maskPhonesIn(s.stack);
  return s;
}

// One per process even when Next bundles this module into several chunks.
const KEY = Symbol.for("tuihuanhuo.logger");
const holder = globalThis as unknown as Record<symbol, Logger | undefined>;

/** The process's logger; `log.child({ component })` names the part that writes. */
export const log: Logger = (holder[KEY] ??= createLogger());

/** A logger for one part of the system (`component` in every line). */
export function loggerFor(component: string): Logger {
  return log.child({ component });
}

/** An error's message for a log field, masked. */
export function errorText(e: unknown): string {
  return maskPhonesIn(e instanceof Error ? e.message : String(e));
}
