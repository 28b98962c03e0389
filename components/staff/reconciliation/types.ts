import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type DayReconciliationView = inferRouterOutputs<AppRouter>["reconciliation"]["day"];
export type ReconciliationRowView = DayReconciliationView["rows"][number];
export type DifferenceView = DayReconciliationView["result"]["differences"][number];
