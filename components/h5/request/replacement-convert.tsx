"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { api, failureOf, type ApiFailure } from "../api";

export interface ConvertWords {
  convert: string;
  convertConfirm: string;
  convertYes: string;
  convertNo: string;
  network: string;
}

/** The customer takes a refund instead of the out-of-stock replacement, after one confirmation (decision 030). */
export function ConvertToRefundButton({ requestId, version, t }: { requestId: string; version: number; t: ConvertWords }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const convert = async () => {
    setPending(true);
    setFailure(null);
    try {
      await api.customer.convertToRefund.mutate({ requestId, version });
      router.refresh();
    } catch (e) {
      setFailure(failureOf(e, t.network));
    } finally {
      setPending(false);
    }
  };
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className={buttonClass("primary", "mt-3 w-full text-base")}>
        {t.convert}
      </button>
    );
  }
  return (
    <div role="group" aria-label={t.convert} className="mt-3 space-y-3">
      <p className="text-sm font-medium text-slate-900">{t.convertConfirm}</p>
      {failure && <Alert>{failure.message}</Alert>}
      <div className="flex gap-2">
        <button type="button" onClick={() => setConfirming(false)} disabled={pending} className={buttonClass("secondary", "flex-1")}>
          {t.convertNo}
        </button>
        <button type="button" onClick={() => void convert()} disabled={pending} aria-busy={pending} className={buttonClass("primary", "flex-1")}>
          {pending && <Spinner />}
          {t.convertYes}
        </button>
      </div>
    </div>
  );
}
