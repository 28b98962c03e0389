import { buttonClass } from "@/components/ui/button";

export interface ActiveToggleProps {
  active: boolean;
  busy: boolean;
  /** Switching off is the careful direction: callers usually confirm it first. */
  onDeactivate: () => void;
  onActivate: () => void;
  deactivateLabel: string;
  activateLabel: string;
}

/** The store manager's switch on a row that can be turned off and on again (a warehouse, a webhook, a channel). */
export function ActiveToggle({ active, busy, onDeactivate, onActivate, deactivateLabel, activateLabel }: ActiveToggleProps) {
  return active ? (
    <button type="button" className={buttonClass("ghost", "px-3 text-red-700! hover:bg-red-50")} disabled={busy} onClick={onDeactivate}>
      {deactivateLabel}
    </button>
  ) : (
    <button type="button" className={buttonClass("secondary", "px-3")} disabled={busy} onClick={onActivate}>
      {activateLabel}
    </button>
  );
}
