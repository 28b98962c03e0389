import { z } from "zod";
import { CHANNEL_CODES } from "../domain/vocabulary";
import { id, version } from "./fields";

/**
 * Inputs of the warehouses editor (store manager). Shared by the form (zodResolver) and the
 * `warehouses` router; messages are "v.*" keys translated in server/i18n/errors.ts.
 */
const text = (min: number, max: number, message: string) => z.string({ error: message }).trim().min(min, { error: message }).max(max, { error: message });

export const warehouseFields = z.object({
  name: text(1, 60, "v.warehouseName"),
  address: text(1, 200, "v.warehouseAddress"),
  contactName: text(1, 30, "v.contactName"),
  // A mobile number or a landline with its area code and extension (0571-88888888, 400-800-1234).
  contactPhone: z.string({ error: "v.contactPhone" }).trim().regex(/^\+?[0-9][0-9 ()-]{4,22}[0-9]$/, { error: "v.contactPhone" }),
  // Optional: empty in the form means none.
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, { error: "v.postalCode" })
    .transform((v) => v || null)
    .nullable()
    .default(null),
  channelCodes: z.array(z.enum(CHANNEL_CODES)).max(CHANNEL_CODES.length).default([]),
  categoryIds: z.array(z.uuid()).max(100).default([]),
});

export const createWarehouseInput = warehouseFields;
export const updateWarehouseInput = warehouseFields.extend({ id, version });
export const warehouseRefInput = z.object({ id, version });
export const setWarehouseActiveInput = z.object({ id, version, active: z.boolean() });

export type WarehouseFieldsInput = z.input<typeof warehouseFields>;
export type WarehouseFields = z.output<typeof warehouseFields>;
