import "./zod-config";
import { z } from "zod";

/**
 * Field rules shared by forms (zodResolver) and the API (tRPC .input()). Messages are keys
 * ("v.*") translated by server/i18n/errors.ts, so both sides show the same words.
 * Plain zod only: the browser imports these files too.
 */
export const phone = z.string().trim().regex(/^1[3-9]\d{9}$/, { error: "v.phone" });
export const orderNo = z.string().trim().regex(/^[A-Za-z0-9-]{6,32}$/, { error: "v.orderNo" });
export const smsCode = z.string().trim().regex(/^\d{6}$/, { error: "v.smsCode" });
export const id = z.uuid();
export const version = z.number().int().positive();
export const comment = z.string().trim().max(1000, { error: "v.comment" });
export const requiredComment = comment.min(1, { error: "v.required" });
export const fen = z.number({ error: "v.fen" }).int({ error: "v.fen" }).min(0, { error: "v.fen" });
export const rmaNo = z.string().trim().toUpperCase().regex(/^RMA\d{8}[0-9A-Z]{8}$/, { error: "v.required" });
