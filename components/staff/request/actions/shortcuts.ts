import type { Action } from "@/server/domain/vocabulary";

/** One key per frequent decision; never two open at once for the same key (the state machine keeps approve and approve_refund apart). */
export const SHORTCUTS: Partial<Record<Action, string>> = {
  approve: "a",
  approve_refund: "a",
  accept_full: "f",
  reject: "r",
  request_info: "i",
  accept_partial: "p",
  receive: "v",
  ship_replacement: "s",
  refund: "m",
};

/** Typing in a field (or a contenteditable) is never a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
