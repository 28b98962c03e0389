"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { currentStaff, signIn, signOut } from "@/server/auth/auth";
import { issueChallenge } from "@/server/auth/proof-of-work";
import { landingAfterPassword } from "@/server/auth/second-factor";
import { SIGN_IN_LIMITS } from "@/server/auth/sign-in-throttle";
import { isAppError } from "@/server/domain/errors";
import { appDb } from "@/server/db";
import { errorMessage, fieldErrors } from "@/server/i18n/errors";
import { adminMessages } from "@/components/i18n/admin-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { changePasswordInput } from "@/server/schemas/admin";
import { signInInput } from "@/server/schemas/staff";
import { changeOwnPassword } from "@/server/services/staff-accounts";

export type SignInFailure = "credentials" | "rate_limited" | "proof_required" | "invalid" | "unknown";

/**
 * Staff sign-in. Validates with the same schema as the form, lets Auth.js check the password
 * (and the rate limit), and on success sends the user to their queue. Failures come back as a
 * code the form translates; the server never says whether the email exists.
 */
export async function signInWithPassword(values: unknown, proof?: string): Promise<{ error: SignInFailure }> {
  const parsed = signInInput.safeParse(values);
  if (!parsed.success) return { error: "invalid" };
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, proof: typeof proof === "string" ? proof : "", redirect: false });
  } catch (e) {
    if (e instanceof AuthError && e.type === "CredentialsSignin") {
      const code = (e as CredentialsSignin).code;
      return { error: code === "rate_limited" || code === "proof_required" ? code : "credentials" };
    }
    if (e instanceof AuthError) return { error: "unknown" };
    throw e;
  }
  redirect(await landingAfterPassword(appDb(), parsed.data.email));
}

/**
 * A proof-of-work challenge for this email, asked for by the form after `proof_required`
 * (server/auth/sign-in-throttle.ts). Stateless and signed: handing them out costs nothing.
 */
export async function signInChallenge(email: unknown): Promise<string> {
  const address = typeof email === "string" ? email.trim().toLowerCase().slice(0, 320) : "";
  return issueChallenge(address, SIGN_IN_LIMITS.proofBits);
}

/** Ends this session on the server (Auth.js's signOut event ends its staff_sessions row) and clears the cookie. */
export async function signOutAndReturnToLogin(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

export interface ChangePasswordResult {
  message: string;
  fieldErrors: Record<string, string> | null;
}

/**
 * The signed-in user's own new password (required after a one-time password). Changing it ends
 * every session of the user, this one too, so the user is signed in again with the new password
 * and lands on their queue.
 */
export async function changePassword(values: unknown): Promise<ChangePasswordResult> {
  const [staff, locale] = await Promise.all([currentStaff(), requestLocale()]);
  if (!staff) redirect("/login");
  // Without the second factor a password holder may not replace the password (and so lock the real user out).
  if (staff.secondFactorPending && !staff.mustChangePassword) redirect("/two-factor");
  const parsed = changePasswordInput.safeParse(values);
  if (!parsed.success) return { message: adminMessages(locale).password.checkFields, fieldErrors: fieldErrors(parsed.error.issues, locale) };
  try {
    await changeOwnPassword(appDb(), staff.id, parsed.data);
  } catch (e) {
    if (isAppError(e)) {
      const message = errorMessage(e.code, e.params, locale);
      return { message, fieldErrors: e.code === "password_wrong" ? { current: message } : null };
    }
    throw e;
  }
  try {
    await signIn("credentials", { email: staff.email, password: parsed.data.next, redirect: false });
  } catch (e) {
    // The password is changed; if signing in again is refused (rate limit), the sign-in page says why.
    if (e instanceof AuthError) redirect("/login");
    throw e;
  }
  redirect(await landingAfterPassword(appDb(), staff.email));
}
