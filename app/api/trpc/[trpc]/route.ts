import { createHttpContext } from "@/server/api/http-context";
import { handleTrpcRequest } from "@/server/api/trpc-handler";

function handler(req: Request) {
  return handleTrpcRequest(req, createHttpContext);
}

export { handler as GET, handler as POST };
