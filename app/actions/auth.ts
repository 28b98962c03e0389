"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/server/auth/auth";
import { signInInput } from "@/server/schemas/staff";

export type SignInFailure = "credentials" | "rate_limited" | "invalid" | "unknown";

/**
 * Staff sign-in. Validates with the same schema as the form, lets Auth.js check the password
 * (and the rate limit), and on success sends the user to their queue. Failures come back as a
 * code the form translates; the server never says whether the email exists.
 */
export async function signInWithPassword(values: unknown): Promise<{ error: SignInFailure }> {
  const parsed = signInInput.safeParse(values);
  if (!parsed.success) return { error: "invalid" };
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (e) {
    if (e instanceof AuthError && e.type === "CredentialsSignin") {
      return { error: (e as CredentialsSignin).code === "rate_limited" ? "rate_limited" : "credentials" };
    }
    if (e instanceof AuthError) return { error: "unknown" };
    throw e;
  }
  redirect("/dashboard");
}

export async function signOutAndReturnToLogin(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
