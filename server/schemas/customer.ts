import { z } from "zod";
import { RETURN_TYPES } from "../domain/vocabulary";
import { comment, id, orderNo, phone, requiredComment, smsCode, version } from "./fields";
import { chosenReasonCode } from "./reasons";

/** A solved proof-of-work challenge (server/challenge/proof-of-work.ts), sent when the server asked for one. */
export const challengeSolution = z.object({ token: z.string().min(1).max(300), nonce: z.string().min(1).max(20) });
export const challengeInput = z.object({ purpose: z.enum(["sms", "verify"]) });
export const requestCodeInput = z.object({ phone, orderNo: orderNo.optional(), challenge: challengeSolution.optional() });
export const verifyCodeInput = z.object({ phone, code: smsCode, challenge: challengeSolution.optional() });
export const orderRefInput = z.object({ orderNo });

export const CARRIERS = ["sf", "jd", "zto", "yto", "sto", "yunda", "ems", "jt", "other"] as const;

export const returnLineInput = z.object({
  orderLineId: id,
  quantity: z.number({ error: "v.quantity" }).int({ error: "v.quantity" }).min(1, { error: "v.quantity" }).max(999, { error: "v.quantity" }),
  // Whether it is an active customer reason is checked against the rows at submission.
  reasonCode: chosenReasonCode("v.reasonPick"),
  note: z.string().trim().max(500, { error: "v.note" }).optional(),
  exchangeSkuId: id.optional(),
});

export const submitReturnInput = z
  .object({
    orderId: id,
    type: z.enum(RETURN_TYPES),
    lines: z.array(returnLineInput).min(1, { error: "v.linesRequired" }).max(50),
    idempotencyKey: z.uuid({ error: "v.idempotencyKey" }),
    photoIds: z.array(id).max(9).default([]),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.lines.forEach((l, i) => {
      if (v.type === "exchange" && !l.exchangeSkuId) ctx.addIssue({ code: "custom", path: ["lines", i, "exchangeSkuId"], message: "v.exchangeSku" });
      if (seen.has(l.orderLineId)) ctx.addIssue({ code: "custom", path: ["lines", i, "orderLineId"], message: "v.required" });
      seen.add(l.orderLineId);
    });
  });
export type SubmitReturnInput = z.infer<typeof submitReturnInput>;

export const returnLabelInput = z.object({ rmaNo: z.string().trim().toUpperCase().min(1).max(40) });
export const requestRefInput = z.union([z.object({ id }), z.object({ rmaNo: z.string().trim().toUpperCase().min(1).max(40) })]);

const onRequest = { requestId: id, version };
export const cancelInput = z.object({ ...onRequest, comment: comment.optional() });
export const provideInfoInput = z.object({ ...onRequest, comment: requiredComment, photoIds: z.array(id).max(9).default([]) });
export const shipInput = z.object({
  ...onRequest,
  carrier: z.enum(CARRIERS, { error: "v.carrier" }),
  trackingNo: z.string().trim().regex(/^[A-Za-z0-9]{8,30}$/, { error: "v.trackingNo" }),
});
export const appealInput = z.object({ ...onRequest, comment: requiredComment });
