import { createHttpContext } from "@/server/api/http-context";
import { serveParcelPhoto } from "@/server/api/parcel-photo-routes";
import { photoStorage } from "@/server/api/photo-http";

type Params = { params: Promise<{ id: string }> };

export async function GET(req: Request, { params }: Params) {
  return serveParcelPhoto(req, await createHttpContext(req, new Headers()), photoStorage(), (await params).id);
}
