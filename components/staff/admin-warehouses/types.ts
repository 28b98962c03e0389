import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type WarehouseList = inferRouterOutputs<AppRouter>["warehouses"]["list"];
export type WarehouseRow = WarehouseList["warehouses"][number];
export type CategoryOption = WarehouseList["categories"][number];
