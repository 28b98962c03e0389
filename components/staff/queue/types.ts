import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["staff"];
export type QueueItem = Outputs["queue"]["items"][number];
export type BulkOutcome = Outputs["bulkApprove"][number];
