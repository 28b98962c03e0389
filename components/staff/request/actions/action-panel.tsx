"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { dateTime, format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { requestMessages } from "@/components/i18n/request-messages";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import type { Action, StaffRole } from "@/server/domain/vocabulary";
import { ACTION_NAMES, term } from "@/server/i18n/domain-terms";
import type { RequestView } from "../types";

const noSubscription = () => () => {};

/** The scan station with this request open (it looks the RMA up as if scanned). */
const stationHref = (view: RequestView) => `/dashboard/warehouse?code=${encodeURIComponent(view.request.rmaNo)}`;
import { InfoDialog } from "./info-dialog";
import { PartialDialog } from "./partial-dialog";
import { PlainDialog, type PlainAction } from "./plain-dialog";
import { ConvertDialog } from "./convert-dialog";
import { RejectDialog } from "./reject-dialog";
import { ShipReplacementDialog } from "./ship-replacement-dialog";
import { isTyping, SHORTCUTS } from "./shortcuts";

const STAFF_ACTIONS: readonly Action[] = ["approve", "approve_refund", "accept_full", "receive", "ship_replacement", "refund", "accept_partial", "convert_to_refund", "request_info", "reject"];
const DANGER: readonly Action[] = ["reject"];

/**
 * The decisions open to this user now (allowedActions from the server), each opening its
 * form; keyboard shortcuts for the frequent ones. After a version conflict the panel says
 * someone acted first while the page reloads the current state.
 */
export function ActionPanel({ view, role }: { view: RequestView; role?: StaffRole }) {
  const m = requestMessages(useLocale());
  const locale = useLocale();
  const [open, setOpen] = useState<Action | null>(null);
  // Survives router.refresh() (same component), so the notice stays beside the fresh state.
  const [conflict, setConflict] = useState(false);
  const [help, setHelp] = useState(false);
  const helpButton = useRef<HTMLButtonElement>(null);
  const actions = STAFF_ACTIONS.filter((a) => view.allowedActions.includes(a));
  // Someone else's hold is why the list is empty (the server refuses their decisions): say so.
  const heldByOther = view.request.holder && !view.request.holder.isMe ? view.request.holder : null;

  const close = () => setOpen(null);
  const onConflict = () => setConflict(true);
  const start = (action: Action) => {
    setConflict(false);
    // Receiving happens at the scan station (parcels add up there); the request screen sends the clerk to it.
    if (action === "receive") {
      window.location.assign(stationHref(view));
      return;
    }
    setOpen(action);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (open || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      if (document.querySelector("dialog[open]")) return;
      if (e.key === "?") {
        setHelp((h) => !h);
        e.preventDefault();
        return;
      }
      if (e.key === "Escape" && help) {
        setHelp(false);
        helpButton.current?.focus();
        return;
      }
      const action = actions.find((a) => SHORTCUTS[a] === e.key.toLowerCase());
      if (action) {
        e.preventDefault();
        start(action);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });
  // False in the server's HTML, true once hydrated: a key pressed before then cannot be heard, so the
  // panel says when its shortcuts listen (data-shortcuts), for people's tools and for the browser tests.
  const listening = useSyncExternalStore(noSubscription, () => true, () => false);


  return (
    <Card as="section" aria-labelledby="actions-heading" data-shortcuts={listening ? "on" : "off"}>
      <CardHeader
        id="actions-heading"
        title={m.sections.actions}
        className="mb-3"
        actions={
          actions.length > 0 && (
            <div className="relative">
              <button
                ref={helpButton}
                type="button"
                aria-expanded={help}
                aria-controls="shortcut-help"
                onClick={() => setHelp((h) => !h)}
                className="inline-flex min-h-8 items-center gap-1 rounded-md px-2 text-xs font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
              >
                <kbd className="font-sans">?</kbd> {m.actions.shortcuts}
              </button>
              {help && (
                <div id="shortcut-help" role="region" aria-label={m.actions.shortcutsTitle} className="absolute right-0 z-20 mt-2 w-64 rounded-lg bg-white p-3 text-sm shadow-lg ring-1 ring-slate-200">
                  <p className="font-semibold text-slate-900">{m.actions.shortcutsTitle}</p>
                  <ul className="mt-2 space-y-1">
                    {actions
                      .filter((a) => SHORTCUTS[a])
                      .map((a) => (
                        <li key={a} className="flex justify-between gap-3">
                          <span>{term(ACTION_NAMES, a, locale)}</span>
                          <kbd className="rounded bg-slate-100 px-1.5 font-mono text-xs ring-1 ring-slate-300">{SHORTCUTS[a]?.toUpperCase()}</kbd>
                        </li>
                      ))}
                    <li className="flex justify-between gap-3">
                      <span>{m.actions.shortcutsTitle}</span>
                      <kbd className="rounded bg-slate-100 px-1.5 font-mono text-xs ring-1 ring-slate-300">?</kbd>
                    </li>
                  </ul>
                  <p className="mt-2 text-xs text-slate-600">{m.actions.shortcutsNote}</p>
                </div>
              )}
            </div>
          )
        }
      />
      {conflict && <Alert className="mb-3">{m.actions.conflict}</Alert>}
      {heldByOther && (
        <Alert tone="info" live={false} className="mb-3">
          {format(role === "admin" ? m.hold.heldByOtherAdmin : m.hold.heldByOther, {
            name: heldByOther.name ?? m.hold.someone,
            since: heldByOther.heldAt ? format(m.hold.since, { at: dateTime(heldByOther.heldAt, locale) }) : "",
          })}
        </Alert>
      )}
      {heldByOther && actions.length === 0 ? null : actions.length === 0 ? (
        <p className="text-sm text-slate-600">{m.actions.none}</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {actions.map((a, i) =>
            a === "receive" ? (
              <a key={a} href={stationHref(view)} aria-keyshortcuts={SHORTCUTS[a]?.toUpperCase()} className={buttonClass(i === 0 ? "primary" : "secondary", "grow sm:grow-0")}>
                {m.actions.receiveAtStation}
                {SHORTCUTS[a] && <kbd className="hidden rounded px-1 font-mono text-[11px] opacity-70 ring-1 ring-current sm:inline">{SHORTCUTS[a]?.toUpperCase()}</kbd>}
              </a>
            ) : (
            <button
              key={a}
              type="button"
              onClick={() => start(a)}
              aria-keyshortcuts={SHORTCUTS[a]?.toUpperCase()}
              className={buttonClass(DANGER.includes(a) ? "danger" : i === 0 ? "primary" : "secondary", "grow sm:grow-0")}
            >
              {term(ACTION_NAMES, a, locale)}
              {SHORTCUTS[a] && <kbd className="hidden rounded px-1 font-mono text-[11px] opacity-70 ring-1 ring-current sm:inline">{SHORTCUTS[a]?.toUpperCase()}</kbd>}
            </button>
            ),
          )}
        </div>
      )}
      {open === "reject" && <RejectDialog view={view} onClose={close} onConflict={onConflict} />}
      {open === "request_info" && <InfoDialog view={view} onClose={close} onConflict={onConflict} />}
      {open === "accept_partial" && <PartialDialog view={view} onClose={close} onConflict={onConflict} />}
      {open === "ship_replacement" && <ShipReplacementDialog view={view} onClose={close} onConflict={onConflict} />}
      {open === "convert_to_refund" && <ConvertDialog view={view} onClose={close} onConflict={onConflict} />}
      {open && ["approve", "accept_full", "approve_refund", "refund"].includes(open) && (
        <PlainDialog action={open as PlainAction} view={view} onClose={close} onConflict={onConflict} />
      )}
    </Card>
  );
}
