"use server";

import { redirect } from "next/navigation";
import { requestLocale } from "@/components/i18n/request-locale";
import { currentStaff } from "@/server/auth/auth";
import { confirmEnrollment, verifySecondFactor } from "@/server/auth/second-factor";
import { appDb } from "@/server/db";
import { isAppError } from "@/server/domain/errors";
import { errorMessage } from "@/server/i18n/errors";
import { secondFactorCodeInput } from "@/server/schemas/staff";

export type TwoFactorResult = { error: string } | { recoveryCodes: string[] };

async function failure(e: unknown): Promise<{ error: string }> {
  if (!isAppError(e)) throw e;
  return { error: errorMessage(e.code, e.params, await requestLocale()) };
}

/** The code step after the password: a TOTP code or a recovery code; on success, the queue. */
export async function submitSecondFactor(code: unknown): Promise<{ error: string }> {
  const staff = await currentStaff();
  if (!staff?.sessionId) redirect("/login");
  if (staff.secondFactorPending !== "verify") redirect("/dashboard");
  const parsed = secondFactorCodeInput.safeParse(code);
  if (!parsed.success) return { error: errorMessage("second_factor_wrong", {}, await requestLocale()) };
  try {
    await verifySecondFactor(appDb(), staff.id, staff.sessionId, parsed.data);
  } catch (e) {
    return failure(e);
  }
  redirect("/dashboard");
}

/**
 * Confirms the authenticator being enrolled with its first code (required for finance/admin,
 * optional for others) and returns the recovery codes, shown once by the page.
 */
export async function confirmTwoFactorEnrollment(code: unknown): Promise<TwoFactorResult> {
  const staff = await currentStaff();
  if (!staff?.sessionId) redirect("/login");
  if (staff.mustChangePassword || staff.secondFactorPending === "verify") redirect("/dashboard");
  const parsed = secondFactorCodeInput.safeParse(code);
  if (!parsed.success) return { error: errorMessage("second_factor_wrong", {}, await requestLocale()) };
  try {
    return { recoveryCodes: await confirmEnrollment(appDb(), staff.id, staff.sessionId, parsed.data) };
  } catch (e) {
    return failure(e);
  }
}
