"use client";

import Link from "next/link";
import { useEffect } from "react";
import { ERROR_TEXT } from "@/components/h5/error-text";
import { StatePanel } from "@/components/h5/state-panel";
import { useLocale } from "@/components/i18n/locale-context";
import { buttonClass } from "@/components/ui/button";

export default function H5Error({ error, retry }: { error: unknown; retry: () => void }) {
  const t = ERROR_TEXT[useLocale()];
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <StatePanel icon="error" title={t.title} body={t.body} alert>
      <button type="button" onClick={() => retry()} className={buttonClass("primary", "w-full text-base")}>
        {t.retry}
      </button>
      <Link href="/" className={buttonClass("secondary", "w-full text-base")}>
        {t.home}
      </Link>
      {digest && <p className="font-mono text-xs text-slate-500">#{digest}</p>}
    </StatePanel>
  );
}
