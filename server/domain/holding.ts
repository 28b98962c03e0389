import { AppError } from "./errors";
import { queueStatuses } from "./state-machine";
import type { ReturnStatus, StaffRole } from "./vocabulary";
import { TERMINAL_STATUSES } from "./vocabulary";

/**
 * Who holds a request (work in hand). A hold never changes the status; it only says whose turn
 * it is among staff. The rules here are plain checks; the service records each change as an event.
 */
export interface Held {
  status: ReturnStatus;
  holderId: string | null;
}

export interface StaffActor {
  id: string;
  role: StaffRole;
}

/** Whether `role` works on requests in `status`: its queue, or any open request for the store manager. */
export function worksOn(role: StaffRole, status: ReturnStatus): boolean {
  return role === "admin" ? !TERMINAL_STATUSES.includes(status) : queueStatuses(role).includes(status);
}

/** What a claim does: "hold" to take it, "none" when the actor already holds it (a double click). */
export function claimOutcome(req: Held, actor: StaffActor): "hold" | "none" {
  if (!worksOn(actor.role, req.status)) throw new AppError("not_in_queue", { status: req.status });
  if (req.holderId === actor.id) return "none";
  if (req.holderId) throw new AppError("held_by_other");
  return "hold";
}

/** What a release does: "free" it, or "none" when nobody holds it. Only the holder or the store manager. */
export function releaseOutcome(req: Held, actor: StaffActor): "free" | "none" {
  if (!req.holderId) return "none";
  if (req.holderId !== actor.id && actor.role !== "admin") throw new AppError("not_holder");
  return "free";
}

/** The store manager assigns an open request to a staff member whose role works on its status. */
export function assertAssignable(req: Held, actor: StaffActor, assignee: { role: StaffRole; active: boolean }): void {
  if (actor.role !== "admin") throw new AppError("forbidden");
  if (TERMINAL_STATUSES.includes(req.status)) throw new AppError("not_in_queue", { status: req.status });
  if (!assignee.active || !worksOn(assignee.role, req.status)) {
    throw new AppError("assignee_cannot_act", { role: assignee.role, status: req.status });
  }
}
