import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type ReasonRow = inferRouterOutputs<AppRouter>["reasons"]["list"][number];
export type ReasonKind = ReasonRow["kind"];

export const fill = (template: string, params: Record<string, string>) => template.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
