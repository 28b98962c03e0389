import { createHttpContext } from "@/server/api/http-context";
import { photoStorage } from "@/server/api/photo-http";
import { uploadPhoto } from "@/server/api/photo-routes";

export async function POST(req: Request) {
  return uploadPhoto(req, await createHttpContext(req, new Headers()), photoStorage());
}
