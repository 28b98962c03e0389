import { createHttpContext } from "@/server/api/http-context";
import { handleTrpcRequest } from "@/server/api/trpc-handler";
import { REQUEST_ID_HEADER, requestIdFrom, withRequestId } from "@/server/log/request-context";

function handler(req: Request) {
  // The app's HTTP server set the request id (server/http/edge-server.ts); `next dev` did not, so one is made here.
  return withRequestId(requestIdFrom(req.headers.get(REQUEST_ID_HEADER)), () => handleTrpcRequest(req, createHttpContext));
}

export { handler as GET, handler as POST };
