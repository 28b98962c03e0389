"use client";

import { useEffect, useRef, type RefObject } from "react";
import { routeKey } from "./scanner-keys";

/**
 * Sends a scanner's keystrokes to the scan field from anywhere on the page (see routeKey): the first
 * character is handed over with `onCharacter` and the field takes the focus, so the rest of the burst
 * and the closing Enter are typed into it. Listens in the capture phase, before a focused button
 * could treat the keys as its own.
 */
export function useScannerKeys(field: RefObject<HTMLInputElement | null>, onCharacter: (ch: string) => void) {
  const latest = useRef(onCharacter);
  useEffect(() => {
    latest.current = onCharacter;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const dialogOpen = document.querySelector("dialog[open]") !== null;
      if (routeKey(e, field.current, dialogOpen) !== "redirect") return;
      e.preventDefault();
      field.current?.focus();
      latest.current(e.key);
    };
    document.addEventListener("keydown", onKey, true);
    return () => document.removeEventListener("keydown", onKey, true);
  }, [field]);
}
