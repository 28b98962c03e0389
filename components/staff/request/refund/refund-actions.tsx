"use client";

import { useState } from "react";
import { useLocale } from "@/components/i18n/locale-context";
import { refundMessages } from "@/components/i18n/refund-messages";
import { requestMessages } from "@/components/i18n/request-messages";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { LowerDialog } from "./lower-dialog";
import { OfflineDialog } from "./offline-dialog";
import { RetryDialog } from "./retry-dialog";
import type { RefundPanelData } from "./types";

type Open = "lower" | "retry" | "offline" | null;

/** Finance's buttons under the refund panel; each opens its form. Only the actions open now are shown. */
export function RefundActions({ panel, firstApprover }: { panel: RefundPanelData; firstApprover: string | null }) {
  const locale = useLocale();
  const m = refundMessages(locale);
  const [open, setOpen] = useState<Open>(null);
  const [conflict, setConflict] = useState(false);
  const { lower, retryRefundId, recordOffline } = panel.actions;
  const retryOf = panel.refunds.find((r) => r.id === retryRefundId) ?? null;
  const close = () => setOpen(null);
  const onConflict = () => setConflict(true);
  const start = (o: Open) => {
    setConflict(false);
    setOpen(o);
  };
  if (!lower && !retryOf && !recordOffline) return <p className="text-xs text-slate-600">{m.noActions}</p>;
  return (
    <div>
      {conflict && <Alert className="mb-3">{requestMessages(locale).actions.conflict}</Alert>}
      <div className="flex flex-wrap gap-2">
        {retryOf && (
          <button type="button" className={buttonClass("primary")} onClick={() => start("retry")}>
            {m.retry}
          </button>
        )}
        {recordOffline && (
          <button type="button" className={buttonClass("secondary")} onClick={() => start("offline")}>
            {m.offline}
          </button>
        )}
        {lower && (
          <button type="button" className={buttonClass("secondary")} onClick={() => start("lower")}>
            {m.lower}
          </button>
        )}
      </div>
      {open === "lower" && <LowerDialog panel={panel} firstApprover={firstApprover} onClose={close} onConflict={onConflict} />}
      {open === "retry" && retryOf && <RetryDialog panel={panel} refund={retryOf} onClose={close} onConflict={onConflict} />}
      {open === "offline" && <OfflineDialog panel={panel} onClose={close} onConflict={onConflict} />}
    </div>
  );
}
