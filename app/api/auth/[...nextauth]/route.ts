import { NextRequest } from "next/server";
import { BodyTooLarge, readBodyCapped } from "@/server/api/body-limit";
import { handlers } from "@/server/auth/auth";

/** Auth.js posts small forms (an email, a password, a CSRF token); it would read any size. */
const AUTH_MAX_BODY_BYTES = 64 * 1024;

export const { GET } = handlers;

export async function POST(req: NextRequest) {
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readBodyCapped(req, AUTH_MAX_BODY_BYTES);
  } catch (e) {
    if (e instanceof BodyTooLarge) return new Response(null, { status: 413 });
    throw e;
  }
  const headers = new Headers(req.headers);
  headers.delete("transfer-encoding");
  headers.set("content-length", String(body.byteLength));
  return handlers.POST(new NextRequest(req.url, { method: "POST", headers, body }));
}
