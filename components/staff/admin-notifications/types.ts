import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Out = inferRouterOutputs<AppRouter>["notifications"];

export type DeliveryRow = Out["deliveries"]["items"][number];
export type EndpointRow = Out["endpoints"][number];
export type StaffChannelRow = Out["channels"][number];
