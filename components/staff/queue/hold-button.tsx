"use client";

import { format } from "@/components/format";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { queueMessages } from "@/components/i18n/queue-messages";
import { useTRPC } from "@/components/staff/trpc";
import { buttonClass } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import type { Locale } from "@/server/i18n/locale";

/** Claim an unheld request, or release one's own (the store manager may release any). */
export function HoldButton({
  requestId,
  rmaNo,
  mode,
  locale,
  compact = true,
}: {
  requestId: string;
  rmaNo: string;
  mode: "claim" | "release";
  locale: Locale;
  /** Small, for a table cell; full size (44 px; claim primary, release secondary) on the request screen. */
  compact?: boolean;
}) {
  const t = queueMessages(locale);
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const onSuccess = () => {
    toast.show(format(mode === "claim" ? t.claimed : t.released, { rma: rmaNo }), { tone: "success" });
    router.refresh();
  };
  const onError = (e: { message: string }) => {
    toast.show(e.message, { tone: "error" });
    router.refresh();
  };
  const claim = useMutation(trpc.staff.claim.mutationOptions({ onSuccess, onError }));
  const release = useMutation(trpc.staff.release.mutationOptions({ onSuccess, onError }));
  const m = mode === "claim" ? claim : release;
  const label = mode === "claim" ? t.claim : t.release;
  return (
    <button
      type="button"
      disabled={m.isPending}
      aria-label={`${label} ${rmaNo}`}
      onClick={() => m.mutate({ requestId })}
      className={compact ? buttonClass(mode === "claim" ? "secondary" : "ghost", "px-3 text-xs") : buttonClass(mode === "claim" ? "primary" : "secondary")}
    >
      {m.isPending && <Spinner />}
      {label}
    </button>
  );
}
