import { createHttpContext } from "@/server/api/http-context";
import { photoStorage } from "@/server/api/photo-http";
import { serveReceipt } from "@/server/api/refund-receipt-routes";

type Params = { params: Promise<{ id: string }> };

export async function GET(req: Request, { params }: Params) {
  return serveReceipt(req, await createHttpContext(req, new Headers()), photoStorage(), (await params).id);
}
