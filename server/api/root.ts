import { adminRouter } from "./routers/admin";
import { customerRouter } from "./routers/customer";
import { reasonsRouter } from "./routers/reasons";
import { refundsRouter } from "./routers/refunds";
import { staffRouter } from "./routers/staff";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  customer: customerRouter,
  staff: staffRouter,
  admin: adminRouter,
  reasons: reasonsRouter,
  refunds: refundsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
