import { queueStatuses } from "../../domain/state-machine";
import { RETURN_STATUSES, TERMINAL_STATUSES, type ReturnStatus, type StaffRole } from "../../domain/vocabulary";

/**
 * The statuses a role's queue shows: its own from the state machine. The admin (store manager)
 * has no queue of their own and sees every open request, or every request when asked.
 */
export function scopeStatuses(role: StaffRole, opts: { status?: ReturnStatus; allStatuses?: boolean } = {}): ReturnStatus[] {
  const scope =
    role === "admin"
      ? opts.allStatuses
        ? [...RETURN_STATUSES]
        : RETURN_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s))
      : queueStatuses(role);
  return opts.status ? scope.filter((s) => s === opts.status) : scope;
}
