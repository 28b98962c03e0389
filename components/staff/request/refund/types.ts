import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/** Finance's refund panel as the API returns it (server/services/refunds/refund-panel.ts). */
export type RefundPanelData = inferRouterOutputs<AppRouter>["refunds"]["panel"];
export type RefundRecord = RefundPanelData["refunds"][number];
