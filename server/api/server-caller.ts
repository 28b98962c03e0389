import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { createHttpContext } from "./http-context";
import { createCaller } from "./root";

/**
 * The tRPC caller for Server Components: the same context as an HTTP call (staff session,
 * customer cookie, language from the incoming request), so pages get the procedures' own role
 * checks and localized errors instead of re-implementing them. One per request (React cache).
 *
 * Read-only by design: a Server Component cannot set cookies, so anything a procedure would
 * put in Set-Cookie (the customer session) is dropped here. Mutations go through Server
 * Actions or /api/trpc.
 */
export const serverCaller = cache(async () => {
  const requestHeaders = new Headers(await headers());
  const host = requestHeaders.get("host") ?? "localhost";
  const request = new Request(`http://${host}/`, { headers: requestHeaders });
  return createCaller(await createHttpContext(request, new Headers()));
});
