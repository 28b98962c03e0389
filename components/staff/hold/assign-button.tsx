"use client";

import { useState } from "react";
import { format } from "@/components/format";
import { requestMessages } from "@/components/i18n/request-messages";
import { buttonClass } from "@/components/ui/button";
import type { Locale } from "@/server/i18n/locale";
import { AssignDialog, type AssignTarget } from "./assign-dialog";

/** "Assign…" (or "Reassign…" when someone holds it) for the store manager; opens the assignee dialog. */
export function AssignButton({ request, locale, className = "" }: { request: AssignTarget; locale: Locale; className?: string }) {
  const t = requestMessages(locale).hold;
  const [open, setOpen] = useState(false);
  const label = request.holderId ? t.reassign : t.assign;
  // The RMA in the name tells the queue's many "Assign…" buttons apart for screen readers.
  const name = format(request.holderId ? t.reassignLabel : t.assignLabel, { rma: request.rmaNo });
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label={name}
        onClick={() => setOpen(true)}
        className={buttonClass("secondary", className)}
      >
        {label}
      </button>
      {open && <AssignDialog request={request} locale={locale} onClose={() => setOpen(false)} />}
    </>
  );
}
