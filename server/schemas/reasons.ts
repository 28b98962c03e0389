import { z } from "zod";
import { REASON_CODE_PATTERN, REASON_KINDS } from "../domain/vocabulary";
import { id, version } from "./fields";

/**
 * Inputs of the reason editor (store manager) and the reason fields of other inputs. Whether a
 * code names an active row is the services' question; these check only the shape.
 */
export const reasonKind = z.enum(REASON_KINDS);
export const reasonCode = z.string().trim().regex(REASON_CODE_PATTERN, { error: "v.reasonCode" });
/** A reason given in a submission or a rejection: the customer sees "choose a reason" rather than a rule about codes. */
export const chosenReasonCode = (message: "v.reasonPick" | "v.reasonRequired") => z.string({ error: message }).trim().regex(REASON_CODE_PATTERN, { error: message });
const reasonName = z.string().trim().min(1, { error: "v.reasonName" }).max(40, { error: "v.reasonName" });

export const listReasonsInput = z.object({ kind: reasonKind });

export const createReasonInput = z.object({
  kind: reasonKind,
  code: reasonCode,
  nameZh: reasonName,
  nameEn: reasonName,
  photoRequired: z.boolean().default(false),
});
export type CreateReasonInput = z.infer<typeof createReasonInput>;

const onReason = { id, version };
export const renameReasonInput = z.object({ ...onReason, nameZh: reasonName, nameEn: reasonName });
export const moveReasonInput = z.object({ ...onReason, direction: z.enum(["up", "down"]) });
export const setPhotoRequiredInput = z.object({ ...onReason, photoRequired: z.boolean() });
export const reasonRefInput = z.object(onReason);
