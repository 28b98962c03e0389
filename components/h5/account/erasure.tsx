"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { dateTime, format } from "@/components/format";
import { accountMessages } from "@/components/i18n/account-messages";
import { useLocale } from "@/components/i18n/locale-context";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { api, failureOf } from "../api";

export interface ErasureRow {
  id: string;
  status: string;
  createdAt: Date;
  fulfilledAt: Date | null;
  outcome: Record<string, unknown> | null;
}

/** The customer's deletion requests and what came of them, and the button to ask for one. */
export function Erasure({ requests }: { requests: ErasureRow[] }) {
  const locale = useLocale();
  const t = accountMessages(locale);
  const m = t.erasure;
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = requests.some((r) => r.status === "pending");

  const ask = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.customer.requestErasure.mutate();
      setConfirming(false);
      router.refresh();
    } catch (e) {
      setError(failureOf(e, t.network).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card as="section" radius="2xl" aria-labelledby="erasure-title">
      <CardHeader id="erasure-title" title={m.title} description={m.description} />
      {error && <Alert className="mt-3">{error}</Alert>}
      {requests.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{m.none}</p>
      ) : (
        <ul className="mt-3 space-y-2">
          {requests.map((r) => {
            const keptOpen = Array.isArray(r.outcome?.keptOpen) ? (r.outcome.keptOpen as string[]) : [];
            return (
              <li key={r.id} className="rounded-lg bg-slate-50 p-3 text-sm text-slate-700">
                {r.status === "pending" ? (
                  <Badge tone="warning">{format(m.pending, { date: dateTime(r.createdAt, locale) })}</Badge>
                ) : (
                  <>
                    <Badge tone="success">{format(m.fulfilled, { date: dateTime(r.fulfilledAt ?? r.createdAt, locale) })}</Badge>
                    <p className="mt-1.5">{format(m.outcome, { count: Number(r.outcome?.anonymisedRequests ?? 0) })}</p>
                    {keptOpen.length > 0 && <p className="mt-1 font-mono text-xs">{format(m.keptOpen, { list: keptOpen.join("、") })}</p>}
                    {r.outcome?.customerAnonymised === true && <p className="mt-1">{m.customerAnonymised}</p>}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!pending && (
        <button type="button" className={buttonClass("secondary", "mt-4 w-full sm:w-auto")} onClick={() => setConfirming(true)}>
          {m.request}
        </button>
      )}
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={m.confirmTitle}
        description={m.confirmBody}
        dismissible={!busy}
        size="sm"
        footer={
          <>
            <button type="button" className={buttonClass("secondary")} disabled={busy} onClick={() => setConfirming(false)}>
              {t.devices.cancel}
            </button>
            <button type="button" className={buttonClass("danger")} disabled={busy} onClick={() => void ask()}>
              {m.confirm}
            </button>
          </>
        }
      />
    </Card>
  );
}
