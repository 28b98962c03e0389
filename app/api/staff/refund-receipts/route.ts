import { createHttpContext } from "@/server/api/http-context";
import { photoStorage } from "@/server/api/photo-http";
import { uploadReceipt } from "@/server/api/refund-receipt-routes";

export async function POST(req: Request) {
  return uploadReceipt(req, await createHttpContext(req, new Headers()), photoStorage());
}
