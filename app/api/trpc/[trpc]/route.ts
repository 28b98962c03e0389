import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createHttpContext } from "@/server/api/http-context";
import { isSameOrigin } from "@/server/api/same-origin";

function handler(req: Request) {
  // Auth.js guards only its own routes against CSRF; tRPC mutations are guarded here.
  if (req.method === "POST" && !isSameOrigin(req)) {
    return Response.json({ error: "cross-origin request refused" }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createHttpContext(req, resHeaders),
  });
}

export { handler as GET, handler as POST };
