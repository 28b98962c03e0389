"use client";

import { useMutation } from "@tanstack/react-query";
import { format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { requestMessages } from "@/components/i18n/request-messages";
import { useTRPC } from "@/components/staff/trpc";
import { Spinner } from "@/components/ui/spinner";

/**
 * The masked phone, and for roles whose work needs it a button that asks the server for the
 * full number; the server records every such reveal, so it is never fetched ahead of the click.
 */
export function ContactReveal({ requestId, masked, canReveal }: { requestId: string; masked: string; canReveal: boolean }) {
  const m = requestMessages(useLocale());
  const trpc = useTRPC();
  const reveal = useMutation(trpc.staff.revealContact.mutationOptions());
  const full = reveal.data?.value;
  return (
    <span className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm font-normal">
      <span className="font-mono tabular-nums" aria-label={m.phone}>
        {full ? <a href={`tel:${full}`} className="text-accent-800 underline">{full}</a> : masked}
      </span>
      {canReveal && !full && (
        <button
          type="button"
          onClick={() => reveal.mutate({ requestId, field: "phone" })}
          disabled={reveal.isPending}
          title={m.revealHint}
          className="inline-flex min-h-8 items-center gap-1 rounded px-1.5 text-xs font-medium text-accent-800 underline-offset-2 hover:underline disabled:opacity-60"
        >
          {reveal.isPending && <Spinner className="size-3" />}
          {m.reveal}
        </button>
      )}
      {reveal.error && (
        <span role="alert" className="text-xs text-red-700">
          {format(m.revealFailed, { message: reveal.error.message })}
        </span>
      )}
    </span>
  );
}
