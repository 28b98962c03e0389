import { z } from "zod";
import { RETURN_TYPES, STAFF_ROLES } from "../domain/vocabulary";
import { fen, id } from "./fields";
import { approvalPolicySchema, replacePolicyInput } from "./staff";

/**
 * Inputs of the store manager's pages (staff accounts, approval rules). Shared by the forms
 * (zodResolver) and the admin router; messages are "v.*" keys translated in server/i18n/errors.ts.
 */
export const staffName = z.string().trim().min(1, { error: "v.required" }).max(60, { error: "v.staffName" });
export const staffEmail = z.email({ error: "v.email" }).trim().toLowerCase().max(200, { error: "v.email" });
export const staffRoleField = z.enum(STAFF_ROLES, { error: "v.role" });

export const createStaffInput = z.object({ name: staffName, email: staffEmail, role: staffRoleField });
export const staffIdInput = z.object({ id });
export const setStaffRoleInput = z.object({ id, role: staffRoleField });
export const setStaffActiveInput = z.object({ id, active: z.boolean() });

/** At least 10 characters: long enough that the per-email sign-in limit makes guessing hopeless. */
export const newPassword = z.string().min(10, { error: "v.passwordLength" }).max(200, { error: "v.passwordLength" });

export const changePasswordInput = z
  .object({
    current: z.string().min(1, { error: "v.password" }).max(200),
    next: newPassword,
    confirm: z.string().max(200),
  })
  .superRefine((v, ctx) => {
    if (v.next !== v.confirm) ctx.addIssue({ code: "custom", path: ["confirm"], message: "v.passwordMismatch" });
    if (v.next === v.current) ctx.addIssue({ code: "custom", path: ["next"], message: "v.passwordSame" });
  });

/** A made-up request to try a draft policy on. */
export const simulationSample = z.object({
  type: z.enum(RETURN_TYPES, { error: "v.required" }),
  amountFen: fen.max(100_000_000, { error: "v.fen" }),
  categoryCodes: z.array(z.string().min(1).max(40)).max(20),
  priorReturns: z.number({ error: "v.count" }).int({ error: "v.count" }).min(0, { error: "v.count" }).max(1000, { error: "v.count" }),
});

export const simulatePolicyInput = z.object({ policy: approvalPolicySchema, sample: simulationSample });

export type CreateStaffInput = z.infer<typeof createStaffInput>;
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
export type SimulationSample = z.infer<typeof simulationSample>;

/** The rules editor's form: the policy and a note; the expected version travels beside it. */
export const policyEditorInput = replacePolicyInput.omit({ expectedVersion: true });
export type PolicyEditorInput = z.input<typeof policyEditorInput>;
