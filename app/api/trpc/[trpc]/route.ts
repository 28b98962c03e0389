import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { withCappedBody } from "@/server/api/body-limit";
import { appRouter } from "@/server/api/root";
import { createHttpContext } from "@/server/api/http-context";
import { isSameOrigin } from "@/server/api/same-origin";
import { TRPC_MAX_BATCH, TRPC_MAX_BODY_BYTES } from "@/server/api/trpc-limits";
import { AppError } from "@/server/domain/errors";

function handler(req: Request) {
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
    createContext: ({ resHeaders }) => createHttpContext(capped, resHeaders),
  });
}

export { handler as GET, handler as POST };
