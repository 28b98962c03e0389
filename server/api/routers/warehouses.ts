import { STAFF_ROLES } from "../../domain/vocabulary";
import { createWarehouseInput, setWarehouseActiveInput, updateWarehouseInput, warehouseRefInput } from "../../schemas/warehouses";
import { createWarehouse, listWarehouses, setDefaultWarehouse, setWarehouseActive, updateWarehouse } from "../../services/warehouses";
import { createTRPCRouter, staffProcedure } from "../trpc";

const admin = staffProcedure(["admin"]);

/**
 * Where returned parcels go (docs/decisions/027). Every staff role reads the list (the request
 * screen and the scan station name a request's warehouse); only the store manager changes it.
 * Each change is recorded in staff_audit.
 */
export const warehousesRouter = createTRPCRouter({
  list: staffProcedure(STAFF_ROLES).query(({ ctx }) => listWarehouses(ctx.db)),
  create: admin.input(createWarehouseInput).mutation(({ ctx, input }) => createWarehouse(ctx.db, input, ctx.staff.id)),
  update: admin.input(updateWarehouseInput).mutation(({ ctx, input }) => updateWarehouse(ctx.db, input, ctx.staff.id)),
  setActive: admin.input(setWarehouseActiveInput).mutation(({ ctx, input }) => setWarehouseActive(ctx.db, input, ctx.staff.id)),
  setDefault: admin.input(warehouseRefInput).mutation(({ ctx, input }) => setDefaultWarehouse(ctx.db, input, ctx.staff.id)),
});
