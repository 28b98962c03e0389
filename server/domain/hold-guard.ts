import { AppError } from "./errors";
import type { ActorRole } from "./vocabulary";

/**
 * A decision by a staff member on a request someone else holds is refused; the store manager
 * (who hands work out) is exempt, and so are the customer and the deadline timer, whose steps
 * do not wait for staff. Its own file so the state machine and holding.ts need not import each other.
 */
export function assertMayDecide(req: { holderId?: string | null }, role: ActorRole, actorId: string): void {
  if (role === "customer" || role === "system" || role === "admin") return;
  if (req.holderId && req.holderId !== actorId) throw new AppError("held_by_other");
}
