import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type CustomerOutputs = inferRouterOutputs<AppRouter>["customer"];
export type CustomerRequest = CustomerOutputs["request"];
export type CustomerRequestSummary = CustomerOutputs["requests"][number];
