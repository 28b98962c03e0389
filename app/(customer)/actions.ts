"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { CUSTOMER_COOKIE } from "@/server/api/http-context";
import { serverCaller } from "@/server/api/server-caller";

/**
 * Signs the customer out of this browser: the session row goes (through the API's own
 * procedure), then the cookie, which the read-only RSC caller cannot clear itself.
 * A form action, so the button works before the page's JavaScript has arrived.
 */
export async function signOutCustomer(): Promise<void> {
  await (await serverCaller()).customer.signOut();
  (await cookies()).delete(CUSTOMER_COOKIE);
  redirect("/");
}
