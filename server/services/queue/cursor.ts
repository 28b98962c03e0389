import { AppError } from "../../domain/errors";

/**
 * The queue's keyset position: the last row's (deadline or 'infinity', created_at, id) exactly
 * as PostgreSQL printed them. Text, not Date: created_at has microseconds a Date would lose,
 * and a rounded key would skip or repeat rows at the page boundary.
 */
export interface QueueKey {
  deadline: string;
  created: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)?$/;

export function encodeCursor(key: QueueKey): string {
  return Buffer.from(JSON.stringify([key.deadline, key.created, key.id])).toString("base64url");
}

/** Opaque to clients; anything that does not decode to a well-formed key is refused, never passed to SQL. */
export function decodeCursor(cursor: string): QueueKey {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 3) {
      const [deadline, created, id] = parsed as unknown[];
      if (
        typeof deadline === "string" &&
        (deadline === "infinity" || TIMESTAMP.test(deadline)) &&
        typeof created === "string" &&
        TIMESTAMP.test(created) &&
        typeof id === "string" &&
        UUID.test(id)
      ) {
        return { deadline, created, id };
      }
    }
  } catch {
    // fall through
  }
  throw new AppError("cursor_invalid");
}
