import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { categories, staffAudit, warehouses } from "../../db/schema";
import { AppError } from "../domain/errors";
import type { WarehouseFields } from "../schemas/warehouses";

const columns = {
  id: warehouses.id,
  name: warehouses.name,
  address: warehouses.address,
  contactName: warehouses.contactName,
  contactPhone: warehouses.contactPhone,
  postalCode: warehouses.postalCode,
  active: warehouses.active,
  isDefault: warehouses.isDefault,
  channelCodes: warehouses.channelCodes,
  categoryIds: warehouses.categoryIds,
  version: warehouses.version,
  updatedAt: warehouses.updatedAt,
};

export type WarehouseRow = Awaited<ReturnType<typeof listWarehouses>>["warehouses"][number];

/**
 * Every warehouse (default first, then active ones, then by name) and the categories the editor
 * offers. Every staff role reads it: the addresses are the shop's own, not personal data.
 */
export async function listWarehouses(db: DbOrTx) {
  const [rows, cats] = await Promise.all([
    db.select(columns).from(warehouses).orderBy(desc(warehouses.isDefault), desc(warehouses.active), asc(warehouses.name), asc(warehouses.createdAt)),
    db.select({ id: categories.id, code: categories.code, nameZh: categories.nameZh, nameEn: categories.nameEn }).from(categories).orderBy(asc(categories.code)),
  ]);
  return { warehouses: rows, categories: cats };
}

/** A warehouse's address as the customer and the return slip show it. */
export interface WarehouseAddress {
  name: string;
  address: string;
  contactName: string;
  contactPhone: string;
  postalCode: string | null;
}

/** Where a request's parcel goes; an older row without one (written outside submission) goes to the default. */
export async function warehouseAddressOf(db: DbOrTx, warehouseId: string | null): Promise<WarehouseAddress | null> {
  const pick = { name: warehouses.name, address: warehouses.address, contactName: warehouses.contactName, contactPhone: warehouses.contactPhone, postalCode: warehouses.postalCode };
  const [row] = await db
    .select(pick)
    .from(warehouses)
    .where(warehouseId ? eq(warehouses.id, warehouseId) : eq(warehouses.isDefault, true));
  return row ?? null;
}

async function checkCategories(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return;
  const found = await db.select({ id: categories.id }).from(categories).where(inArray(categories.id, [...new Set(ids)]));
  if (found.length !== new Set(ids).size) throw new AppError("warehouse_category_unknown", { field: "categoryIds" });
}

/** One row in staff_audit per change, like the other store-manager changes (staff accounts, erasures). */
function audit(tx: DbOrTx, actorId: string, action: string, details: Record<string, unknown>) {
  return tx.insert(staffAudit).values({ actorId, targetId: null, action, details });
}

export async function createWarehouse(db: Db, input: WarehouseFields, actorId: string): Promise<WarehouseRow> {
  return db.transaction(async (tx) => {
    await checkCategories(tx, input.categoryIds);
    const [row] = await tx
      .insert(warehouses)
      .values({ ...input, channelCodes: [...new Set(input.channelCodes)], categoryIds: [...new Set(input.categoryIds)], updatedBy: actorId })
      .returning(columns);
    await audit(tx, actorId, "warehouse_create", { warehouseId: row!.id, ...input });
    return row!;
  });
}

type Change = Partial<Omit<typeof warehouses.$inferInsert, "id" | "version" | "createdAt">>;

/**
 * Changes one warehouse if the editor saw its current version: one UPDATE, so the row lock and
 * the version check are the same statement. Tells a missing row from a stale version.
 */
async function change(tx: DbOrTx, ref: { id: string; version: number }, set: Change, actorId: string): Promise<WarehouseRow> {
  const [row] = await tx
    .update(warehouses)
    .set({ ...set, version: sql`${warehouses.version} + 1`, updatedBy: actorId, updatedAt: new Date() })
    .where(and(eq(warehouses.id, ref.id), eq(warehouses.version, ref.version)))
    .returning(columns);
  if (!row) {
    const [exists] = await tx.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.id, ref.id));
    throw new AppError(exists ? "version_conflict" : "not_found");
  }
  return row;
}

export async function updateWarehouse(db: Db, input: WarehouseFields & { id: string; version: number }, actorId: string): Promise<WarehouseRow> {
  const { id, version, ...fields } = input;
  return db.transaction(async (tx) => {
    await checkCategories(tx, fields.categoryIds);
    const row = await change(tx, { id, version }, { ...fields, channelCodes: [...new Set(fields.channelCodes)], categoryIds: [...new Set(fields.categoryIds)] }, actorId);
    await audit(tx, actorId, "warehouse_update", { warehouseId: id, ...fields });
    return row;
  });
}

/**
 * Takes a warehouse out of the choice for new requests (or back in). Requests already sent
 * there keep its address. The default cannot be switched off: another one must become the
 * default first (the CHECK warehouses_default_active says the same).
 */
export async function setWarehouseActive(db: Db, input: { id: string; version: number; active: boolean }, actorId: string): Promise<WarehouseRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ isDefault: warehouses.isDefault }).from(warehouses).where(eq(warehouses.id, input.id)).for("update");
    if (!row) throw new AppError("not_found");
    if (row.isDefault && !input.active) throw new AppError("warehouse_is_default");
    const changed = await change(tx, input, { active: input.active }, actorId);
    await audit(tx, actorId, input.active ? "warehouse_activate" : "warehouse_deactivate", { warehouseId: input.id, name: changed.name });
    return changed;
  });
}

/**
 * Makes a warehouse the default (and active). The old default stops being it in the same
 * transaction, under a lock on every default row, so there is always exactly one.
 */
export async function setDefaultWarehouse(db: Db, input: { id: string; version: number }, actorId: string): Promise<WarehouseRow> {
  return db.transaction(async (tx) => {
    // Serialises default changes: two at once would both clear the old one and race for the index.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('warehouses:default'))`);
    const [previous] = await tx.select({ id: warehouses.id, name: warehouses.name }).from(warehouses).where(eq(warehouses.isDefault, true));
    if (previous?.id === input.id) return change(tx, input, {}, actorId);
    const [target] = await tx.select({ version: warehouses.version }).from(warehouses).where(eq(warehouses.id, input.id));
    if (!target) throw new AppError("not_found");
    if (target.version !== input.version) throw new AppError("version_conflict");
    if (previous) {
      await tx
        .update(warehouses)
        .set({ isDefault: false, version: sql`${warehouses.version} + 1`, updatedBy: actorId, updatedAt: new Date() })
        .where(eq(warehouses.id, previous.id));
    }
    const row = await change(tx, input, { isDefault: true, active: true }, actorId);
    await audit(tx, actorId, "warehouse_default", { warehouseId: input.id, name: row.name, previousId: previous?.id ?? null });
    return row;
  });
}
