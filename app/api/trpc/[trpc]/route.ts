import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { within } from "@/server/api/deadline";
import { createHttpContext } from "@/server/api/http-context";
import { isSameOrigin } from "@/server/api/same-origin";
import { databaseUnavailableMeta } from "@/server/api/unavailable-response";
import { env } from "@/server/env";

function handler(req: Request) {
  // Auth.js guards only its own routes against CSRF; tRPC mutations are guarded here.
  if (req.method === "POST" && !isSameOrigin(req)) {
    return Response.json({ error: "cross-origin request refused" }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    // The context reads the session from the database: it gets the request's deadline too.
    createContext: ({ resHeaders }) => within(env().REQUEST_DEADLINE_MS, createHttpContext(req, resHeaders)),
    responseMeta: databaseUnavailableMeta,
  });
}

export { handler as GET, handler as POST };
