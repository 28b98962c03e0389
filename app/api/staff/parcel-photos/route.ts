import { createHttpContext } from "@/server/api/http-context";
import { uploadParcelPhoto } from "@/server/api/parcel-photo-routes";
import { photoStorage } from "@/server/api/photo-http";

export async function POST(req: Request) {
  return uploadParcelPhoto(req, await createHttpContext(req, new Headers()), photoStorage());
}
