import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/** The staff request view as the API returns it (server/services/request-view). */
export type RequestView = inferRouterOutputs<AppRouter>["staff"]["request"];
