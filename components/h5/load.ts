import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";

/**
 * Reads for H5 pages: a signed-out visitor goes to the entry page (with where to come back to),
 * a record that is not theirs is simply not found.
 */
export async function customerRead<T>(read: () => Promise<T>, signedOut: string): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") redirect(signedOut);
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}
