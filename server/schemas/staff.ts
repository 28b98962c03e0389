import { z } from "zod";
import { OPTIONAL_STAGES } from "../domain/policy";
import { DEFAULT_EVIDENCE } from "../domain/evidence";
import { EXCHANGE_OUT_OF_STOCK } from "../domain/exchange-out-of-stock";
import { REVEAL_FIELDS } from "../domain/read-access";
import { ALLOWED_TIMEOUT_ACTIONS, TIMED_STATUSES, TIMEOUT_ACTIONS } from "../domain/timeouts";
import { ITEM_CONDITIONS, RETURN_TYPES, STAFF_ROLES } from "../domain/vocabulary";
import { comment, fen, id, requiredComment, version } from "./fields";
import { chosenReasonCode } from "./reasons";

export const signInInput = z.object({
  email: z.email({ error: "v.email" }).trim().toLowerCase(),
  password: z.string().min(1, { error: "v.password" }).max(200),
});

/** A 6-digit authenticator code or a recovery code ("abcde-fghjk"); checked by server/auth/second-factor.ts. */
export const secondFactorCodeInput = z.string().trim().min(6).max(20);

export const requestIdInput = z.object({ id });
/** Full contact data of a request's customer; every call is recorded (db/schema/audit.ts). */
export const revealContactInput = z.object({ requestId: id, field: z.enum(REVEAL_FIELDS) });

const onRequest = { requestId: id, version };
export const approveInput = z.object({ ...onRequest, comment: comment.optional() });
export const rejectInput = z.object({
  ...onRequest,
  // Whether it is an active rejection reason is checked against the rows by the rejection.
  rejectionCode: chosenReasonCode("v.reasonRequired"),
  comment: requiredComment,
});
export const requestInfoInput = z.object({ ...onRequest, comment: requiredComment });
export const acceptPartialInput = z.object({ ...onRequest, deductionFen: fen.min(1, { error: "v.fen" }), comment: requiredComment });
export const receiveInput = z.object({
  ...onRequest,
  lines: z
    .array(z.object({ returnLineId: id, receivedQuantity: z.number().int().min(0).max(999), condition: z.enum(ITEM_CONDITIONS) }))
    .min(1),
  comment: comment.optional(),
});
export const plainDecisionInput = z.object({ ...onRequest, comment: comment.optional() });

const condition = z
  .object({
    amountAboveFen: fen.optional(),
    anyCategoryHighValue: z.boolean().optional(),
    categoryIn: z.array(z.string().min(1).max(40)).min(1).optional(),
    typeIn: z.array(z.enum(RETURN_TYPES)).min(1).optional(),
    priorReturnsAtLeast: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

/** What one stage does when late; which actions a stage allows is checked below (ALLOWED_TIMEOUT_ACTIONS). */
const timeoutRule = z
  .object({
    action: z.enum(TIMEOUT_ACTIONS),
    autoApproveMaxFen: fen.max(100_000_00, { error: "v.fen" }).optional(),
    notifyRoles: z.array(z.enum(STAFF_ROLES)).max(STAFF_ROLES.length).optional(),
  })
  .strict();

const positive = (max: number) => z.number().int().min(1).max(max);

export const approvalPolicySchema = z
  .object({
    rules: z
      .array(
        z.object({
          id: z.string().trim().regex(/^[a-z0-9-]{2,40}$/),
          description: z.string().trim().min(1).max(200),
          when: condition,
          addStages: z.array(z.enum(OPTIONAL_STAGES)).min(1),
        }),
      )
      .max(50),
    historyWindowDays: positive(3650),
    deadlines: z.object({
      staffReviewHours: positive(24 * 30),
      customerInfoDays: positive(60),
      customerShipDays: positive(60),
      warehouseConfirmDays: positive(60),
      refundDays: positive(60),
      appealDays: positive(60),
    }),
    timeouts: z.partialRecord(z.enum(TIMED_STATUSES), timeoutRule).optional(),
    // Clients and stored policies from before `timeouts` send this; it is read once (upgradeStoredPolicy).
    csReviewTimeout: z.enum(["escalate", "none"]).optional(),
    evidence: z
      .object({
        maxPhotos: z.number().int().min(0).max(9),
        // Policy JSON from before reasons were rows (return_reasons) carries them; still accepted, no longer used.
        reasons: z.array(z.object({ code: z.string().max(40), enabled: z.boolean(), photoRequired: z.boolean() })).optional(),
      })
      .default(DEFAULT_EVIDENCE),
    bulkApproveMaxFen: fen.max(100_000_00, { error: "v.fen" }).optional(),
    exchangeOutOfStock: z.enum(EXCHANGE_OUT_OF_STOCK).optional(),
    acceptableConditions: z.array(z.enum(ITEM_CONDITIONS)).max(ITEM_CONDITIONS.length).optional(),
  })
  .superRefine((p, ctx) => {
    for (const status of TIMED_STATUSES) {
      const rule = p.timeouts?.[status];
      if (rule && !ALLOWED_TIMEOUT_ACTIONS[status].includes(rule.action)) ctx.addIssue({ code: "custom", path: ["timeouts", status, "action"], message: "v.timeoutAction" });
    }
    const ids = new Set<string>();
    p.rules.forEach((r, i) => {
      if (ids.has(r.id)) ctx.addIssue({ code: "custom", path: ["rules", i, "id"], message: "v.required" });
      ids.add(r.id);
    });
  });

export const replacePolicyInput = z.object({ policy: approvalPolicySchema, note: z.string().trim().max(200).optional(), expectedVersion: version });
