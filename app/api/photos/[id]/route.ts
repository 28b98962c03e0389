import { createHttpContext } from "@/server/api/http-context";
import { photoStorage } from "@/server/api/photo-http";
import { removePhoto, servePhoto } from "@/server/api/photo-routes";

type Params = { params: Promise<{ id: string }> };

export async function GET(req: Request, { params }: Params) {
  return servePhoto(req, await createHttpContext(req, new Headers()), photoStorage(), (await params).id);
}

export async function DELETE(req: Request, { params }: Params) {
  return removePhoto(req, await createHttpContext(req, new Headers()), photoStorage(), (await params).id);
}
