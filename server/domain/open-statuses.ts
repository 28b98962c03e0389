import { RETURN_STATUSES, TERMINAL_STATUSES, type ReturnStatus } from "./vocabulary";

/** Every status a request can still move out of: what the store manager's queue and the counts cover. */
export const OPEN_STATUSES: readonly ReturnStatus[] = RETURN_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s));

/**
 * The open statuses as a SQL literal list ('a', 'b', …), for the partial index on open requests
 * and the queries it serves. Literals, not parameters: the planner proves a partial index usable
 * only from constants it can compare with the index predicate. Values are our own enum labels.
 */
export const OPEN_STATUSES_SQL = OPEN_STATUSES.map((s) => `'${s}'::return_status`).join(", ");
