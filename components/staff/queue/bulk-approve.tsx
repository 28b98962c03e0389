"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { format } from "@/components/format";
import { queueMessages } from "@/components/i18n/queue-messages";
import { useTRPC } from "@/components/staff/trpc";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import type { Locale } from "@/server/i18n/locale";
import type { BulkOutcome, QueueItem } from "./types";

/**
 * Customer service approves the selected requests in one go. The server checks and records
 * each on its own; the dialog lists what did not go through and why.
 */
export function BulkApproveBar({ selected, locale, onDone }: { selected: QueueItem[]; locale: Locale; onDone: () => void }) {
  const t = queueMessages(locale);
  const trpc = useTRPC();
  const router = useRouter();
  const [result, setResult] = useState<{ outcomes: BulkOutcome[]; rma: Map<string, string> } | null>(null);
  const bulk = useMutation(
    trpc.staff.bulkApprove.mutationOptions({
      onSuccess: (outcomes) => {
        setResult({ outcomes, rma: new Map(selected.map((i) => [i.id, i.rmaNo])) });
        onDone();
        router.refresh();
      },
    }),
  );
  const failed = result?.outcomes.filter((o) => !o.ok) ?? [];
  const ok = (result?.outcomes.length ?? 0) - failed.length;

  return (
    <div className="mb-3 flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={selected.length === 0 || bulk.isPending}
        onClick={() => bulk.mutate({ requests: selected.map((i) => ({ requestId: i.id, version: i.version })) })}
        className={buttonClass("primary")}
      >
        {bulk.isPending && <Spinner />}
        {format(t.bulkApprove, { count: selected.length })}
      </button>
      <p className="max-w-xl text-xs text-slate-600">{t.bulkHint}</p>
      {bulk.error && (
        <Alert tone="error" className="w-full">
          {bulk.error.message}
        </Alert>
      )}
      <Dialog
        open={result !== null}
        onClose={() => setResult(null)}
        title={t.bulkResultTitle}
        description={format(t.bulkResultSummary, { ok, failed: failed.length })}
        footer={
          <button type="button" className={buttonClass("secondary")} onClick={() => setResult(null)}>
            {t.close}
          </button>
        }
      >
        {failed.length === 0 ? (
          <p className="text-sm text-slate-700">{t.bulkAllOk}</p>
        ) : (
          <section aria-labelledby="bulk-failed-heading">
            <h3 id="bulk-failed-heading" className="text-sm font-semibold text-slate-900">
              {t.bulkFailedHeading}
            </h3>
            <ul className="mt-2 divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
              {failed.map((f) => (
                <li key={f.requestId} className="px-3 py-2 text-sm">
                  <span className="font-mono text-[13px] font-medium text-slate-900">{result?.rma.get(f.requestId) ?? f.requestId}</span>
                  <span className="block text-red-800">{f.ok ? "" : f.message}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </Dialog>
    </div>
  );
}
