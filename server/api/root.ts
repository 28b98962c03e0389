import { adminRouter } from "./routers/admin";
import { customerRouter } from "./routers/customer";
import { notificationsRouter } from "./routers/notifications";
import { reasonsRouter } from "./routers/reasons";
import { reconciliationRouter } from "./routers/reconciliation";
import { refundsRouter } from "./routers/refunds";
import { staffRouter } from "./routers/staff";
import { warehouseRouter } from "./routers/warehouse";
import { warehousesRouter } from "./routers/warehouses";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  customer: customerRouter,
  staff: staffRouter,
  admin: adminRouter,
  reasons: reasonsRouter,
  reconciliation: reconciliationRouter,
  refunds: refundsRouter,
  warehouse: warehouseRouter,
  warehouses: warehousesRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
