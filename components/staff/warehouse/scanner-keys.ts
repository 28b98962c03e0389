/**
 * The plain rules behind useScannerKeys, kept apart from React so they read (and test) on their own.
 *
 * A USB scanner is a keyboard: it types the code quickly and presses Enter. Wherever the focus is on
 * the station page, those keystrokes belong to the scan field — except when the clerk is typing into
 * another field (a note, a quantity) or a dialog is open: then the keys are theirs.
 */

/** A field the clerk types into (or a select / contenteditable): its keys are never a scan. */
export function isEditable(target: EventTarget | null): boolean {
  // Read by shape, not `instanceof HTMLElement`: the rule is tested in Node, and nodes from an iframe fail instanceof.
  const el = target as { tagName?: unknown; isContentEditable?: boolean; type?: string } | null;
  if (!el || typeof el.tagName !== "string") return false;
  if (el.isContentEditable) return true;
  if (el.tagName === "TEXTAREA" || el.tagName === "SELECT") return true;
  if (el.tagName !== "INPUT") return false;
  // Checkboxes, radios, buttons and file pickers take no text: a scan while one has focus is still a scan.
  const type = el.type ?? "text";
  return !["checkbox", "radio", "button", "submit", "reset", "file", "range", "color"].includes(type);
}

/** Keys a scanner sends as part of a code: one printable character, no modifier but Shift. */
export function isCodeCharacter(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "altKey" | "metaKey">): boolean {
  return e.key.length === 1 && !e.ctrlKey && !e.altKey && !e.metaKey && e.key.trim() !== "";
}

export type KeyRoute = "ignore" | "redirect";

/**
 * Where one keydown on the station page goes. A code character typed while the focus is somewhere
 * that takes no text (the page, a button, a thumbnail) is redirected: the scan field gets it and the
 * focus, so the rest of the scanner's burst and its Enter land in the field natively. Keys typed
 * into the scan field itself, into another field, or while a dialog is open are left alone.
 */
export function routeKey(
  e: Pick<KeyboardEvent, "key" | "ctrlKey" | "altKey" | "metaKey" | "target" | "defaultPrevented">,
  scanField: HTMLElement | null,
  dialogOpen: boolean,
): KeyRoute {
  if (e.defaultPrevented || dialogOpen || !scanField) return "ignore";
  if (e.target === scanField || isEditable(e.target)) return "ignore";
  return isCodeCharacter(e) ? "redirect" : "ignore";
}
