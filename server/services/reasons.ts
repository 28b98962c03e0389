import { and, asc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { returnReasons } from "../../db/schema";
import { AppError } from "../domain/errors";
import type { ReasonKind } from "../domain/vocabulary";
import type { Locale } from "../i18n/locale";
import type { CreateReasonInput } from "../schemas/reasons";

/** A reason's name in both languages, keyed like the rest of the app's words. */
export type ReasonName = Record<Locale, string>;

const editorColumns = {
  id: returnReasons.id,
  kind: returnReasons.kind,
  code: returnReasons.code,
  nameZh: returnReasons.nameZh,
  nameEn: returnReasons.nameEn,
  position: returnReasons.position,
  photoRequired: returnReasons.photoRequired,
  retiredAt: returnReasons.retiredAt,
  version: returnReasons.version,
};

const pickerOrder = [asc(returnReasons.position), asc(returnReasons.code)];

/** Every reason of a kind, active and retired, in picker order: what the editor and staff pickers read. */
export async function listReasons(db: DbOrTx, kind: ReasonKind) {
  const rows = await db.select(editorColumns).from(returnReasons).where(eq(returnReasons.kind, kind)).orderBy(...pickerOrder);
  return rows.map(({ retiredAt, ...r }) => ({ ...r, retired: retiredAt !== null }));
}
export type ReasonRow = Awaited<ReturnType<typeof listReasons>>[number];

/** The reasons a customer may pick, in order, named in their language. */
export async function customerReasonOptions(db: DbOrTx, locale: Locale) {
  const rows = await db
    .select({ code: returnReasons.code, nameZh: returnReasons.nameZh, nameEn: returnReasons.nameEn, photoRequired: returnReasons.photoRequired })
    .from(returnReasons)
    .where(and(eq(returnReasons.kind, "customer"), isNull(returnReasons.retiredAt)))
    .orderBy(...pickerOrder);
  return rows.map((r) => ({ code: r.code, name: locale === "en" ? r.nameEn : r.nameZh, photoRequired: r.photoRequired }));
}

/**
 * Names of the given codes, retired ones included: an old request shows the words its reason
 * had, even after the reason left the pickers. A code without a row maps to nothing.
 */
export async function reasonNames(db: DbOrTx, kind: ReasonKind, codes: readonly string[]): Promise<Map<string, ReasonName>> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ code: returnReasons.code, nameZh: returnReasons.nameZh, nameEn: returnReasons.nameEn })
    .from(returnReasons)
    .where(and(eq(returnReasons.kind, kind), inArray(returnReasons.code, wanted)));
  return new Map(rows.map((r) => [r.code, { "zh-CN": r.nameZh, en: r.nameEn }]));
}

/** Whether a rejection may give this reason now (it exists and is not retired). */
export async function isActiveRejectionReason(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db
    .select({ id: returnReasons.id })
    .from(returnReasons)
    .where(and(eq(returnReasons.kind, "rejection"), eq(returnReasons.code, code), isNull(returnReasons.retiredAt)));
  return row !== undefined;
}

/** A new reason, last in its list. Codes are unique per kind and never reused, retired or not. */
export async function createReason(db: Db, input: CreateReasonInput, actorId: string): Promise<ReasonRow> {
  if (input.kind === "rejection" && input.photoRequired) throw new AppError("reason_photo_rejection");
  return db.transaction(async (tx) => {
    // Serialises creations of a kind, so two new reasons do not take the same position.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`return_reasons:${input.kind}`}))`);
    const [last] = await tx.select({ n: max(returnReasons.position) }).from(returnReasons).where(eq(returnReasons.kind, input.kind));
    const [row] = await tx
      .insert(returnReasons)
      .values({ ...input, position: (last?.n ?? 0) + 1, updatedBy: actorId })
      .onConflictDoNothing({ target: [returnReasons.kind, returnReasons.code] })
      .returning(editorColumns);
    if (!row) throw new AppError("reason_code_taken", { field: "code" });
    const { retiredAt, ...r } = row;
    return { ...r, retired: retiredAt !== null };
  });
}

type Change = Partial<Pick<typeof returnReasons.$inferInsert, "nameZh" | "nameEn" | "photoRequired" | "retiredAt">>;

/**
 * Changes one reason if the editor saw its current version: one UPDATE, so the row lock and
 * the version check are the same statement. Tells a missing row from a stale version.
 */
async function changeReason(db: DbOrTx, ref: { id: string; version: number }, change: Change, actorId: string): Promise<ReasonRow> {
  const [row] = await db
    .update(returnReasons)
    .set({ ...change, version: sql`${returnReasons.version} + 1`, updatedBy: actorId, updatedAt: new Date() })
    .where(and(eq(returnReasons.id, ref.id), eq(returnReasons.version, ref.version)))
    .returning(editorColumns);
  if (!row) {
    const [exists] = await db.select({ id: returnReasons.id }).from(returnReasons).where(eq(returnReasons.id, ref.id));
    throw new AppError(exists ? "version_conflict" : "not_found");
  }
  const { retiredAt, ...r } = row;
  return { ...r, retired: retiredAt !== null };
}

export function renameReason(db: DbOrTx, input: { id: string; version: number; nameZh: string; nameEn: string }, actorId: string) {
  return changeReason(db, input, { nameZh: input.nameZh, nameEn: input.nameEn }, actorId);
}

/** Only customer reasons have a photo rule; the database refuses it on a rejection reason too. */
export async function setPhotoRequired(db: Db, input: { id: string; version: number; photoRequired: boolean }, actorId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ kind: returnReasons.kind }).from(returnReasons).where(eq(returnReasons.id, input.id)).for("update");
    if (!row) throw new AppError("not_found");
    if (row.kind !== "customer") throw new AppError("reason_photo_rejection");
    return changeReason(tx, input, { photoRequired: input.photoRequired }, actorId);
  });
}

/** Out of the pickers; requests that already give it keep it and still show its name. */
export function retireReason(db: DbOrTx, input: { id: string; version: number }, actorId: string, now = new Date()) {
  return changeReason(db, input, { retiredAt: now }, actorId);
}

export function restoreReason(db: DbOrTx, input: { id: string; version: number }, actorId: string) {
  return changeReason(db, input, { retiredAt: null }, actorId);
}

/**
 * Swaps a reason with its neighbour above or below (retired ones included, so the order of the
 * whole list is what the editor shows). All reasons of the kind are locked, and positions are
 * rewritten 1..n, so concurrent moves cannot leave two reasons on one place.
 */
export async function moveReason(db: Db, input: { id: string; version: number; direction: "up" | "down" }, actorId: string): Promise<ReasonRow[]> {
  return db.transaction(async (tx) => {
    const [target] = await tx.select({ kind: returnReasons.kind }).from(returnReasons).where(eq(returnReasons.id, input.id));
    if (!target) throw new AppError("not_found");
    const rows = await tx
      .select({ id: returnReasons.id, version: returnReasons.version })
      .from(returnReasons)
      .where(eq(returnReasons.kind, target.kind))
      .orderBy(...pickerOrder)
      .for("update");
    const at = rows.findIndex((r) => r.id === input.id);
    if (rows[at]!.version !== input.version) throw new AppError("version_conflict");
    const to = input.direction === "up" ? at - 1 : at + 1;
    // Already first or last: nothing moves, nothing changes.
    if (to < 0 || to >= rows.length) return listReasons(tx, target.kind);
    [rows[at], rows[to]] = [rows[to]!, rows[at]!];
    const moved = new Set([rows[at]!.id, rows[to]!.id]);
    for (const [i, r] of rows.entries()) {
      await tx
        .update(returnReasons)
        .set({
          position: i + 1,
          // The two rows that changed places get a new version, so another editor's view of them goes stale.
          ...(moved.has(r.id) ? { version: sql`${returnReasons.version} + 1`, updatedBy: actorId, updatedAt: new Date() } : {}),
        })
        .where(eq(returnReasons.id, r.id));
    }
    return listReasons(tx, target.kind);
  });
}
