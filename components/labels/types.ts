import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/** The slip's data as both procedures answer it (customer.returnLabel, staff.returnLabel). */
export type ReturnLabelData = inferRouterOutputs<AppRouter>["customer"]["returnLabel"];

export const LABEL_LAYOUTS = ["a6", "a4"] as const;
export type LabelLayout = (typeof LABEL_LAYOUTS)[number];

/** `?layout=a4` picks the sheet; anything else is the A6 label. */
export function layoutOf(value: string | string[] | undefined): LabelLayout {
  return value === "a4" ? "a4" : "a6";
}
