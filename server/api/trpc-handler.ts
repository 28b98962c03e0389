import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { AppError } from "../domain/errors";
import { env } from "../env";
import { withCappedBody } from "./body-limit";
import type { Context } from "./context";
import { within } from "./deadline";
import { appRouter } from "./root";
import { isSameOrigin } from "./same-origin";
import { TRPC_MAX_BATCH, TRPC_MAX_BODY_BYTES } from "./trpc-limits";
import { databaseUnavailableMeta } from "./unavailable-response";

/**
 * /api/trpc as a function of the request and a context factory (app/api/trpc passes the HTTP
 * context; tests pass theirs). Bodies are capped while they stream in: past the limit the read
 * fails with 413 and the localized request_too_large message.
 */
export function handleTrpcRequest(req: Request, createContext: (req: Request, resHeaders: Headers) => Promise<Context>): Promise<Response> | Response {
  // Auth.js guards only its own routes against CSRF; tRPC mutations are guarded here.
  if (req.method === "POST" && !isSameOrigin(req)) {
    return Response.json({ error: "cross-origin request refused" }, { status: 403 });
  }
  const capped = withCappedBody(
    req,
    TRPC_MAX_BODY_BYTES,
    () => new TRPCError({ code: "PAYLOAD_TOO_LARGE", cause: new AppError("request_too_large", { limitKb: TRPC_MAX_BODY_BYTES / 1024 }) }),
  );
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: capped,
    router: appRouter,
    maxBatchSize: TRPC_MAX_BATCH,
    // The context reads the session from the database: it gets the request's deadline too.
    createContext: ({ resHeaders }) => within(env().REQUEST_DEADLINE_MS, createContext(capped, resHeaders)),
    responseMeta: databaseUnavailableMeta,
  });
}
