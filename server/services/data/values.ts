/**
 * Parameter and result conversions for the hand-written statements in this folder.
 *
 * They run on the postgres-js client that drizzle was built on, and drizzle replaces that
 * client's timestamp parsers and serializers with pass-through ones (it maps dates itself). So
 * timestamps go in as ISO strings with an explicit `::timestamptz`, come back as text (or as a
 * Date on a client drizzle never touched), and JSON goes in as text with an explicit `::jsonb`.
 */

/** A timestamptz parameter. */
export const ts = (d: Date): string => d.toISOString();
export const tsOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** A timestamptz column as read back. */
export const toDate = (v: string | Date): Date => (v instanceof Date ? v : new Date(v));
export const toDateOrNull = (v: string | Date | null): Date | null => (v === null ? null : toDate(v));

/** A json / jsonb parameter. */
export const jsonText = (v: unknown): string => JSON.stringify(v);
