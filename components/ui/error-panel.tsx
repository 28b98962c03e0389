"use client";

import { useEffect } from "react";
import { buttonClass } from "./button";

/** What an error boundary shows: what happened, the server log reference, and a way to try again. */
export function ErrorPanel({ error, retry, title, body, retryLabel }: { error: unknown; retry: () => void; title: string; body: string; retryLabel: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;

  return (
    <div role="alert" className="flex flex-col items-center rounded-xl bg-white px-6 py-14 text-center shadow-sm ring-1 ring-slate-200">
      <div className="flex size-12 items-center justify-center rounded-full bg-red-50 text-red-700">
        <svg className="size-6" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <path d="M12 8v5m0 3.5v.5M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </div>
      <h1 className="mt-4 text-lg font-semibold text-slate-900">{title}</h1>
      <p className="mt-1 max-w-sm text-sm text-slate-600">{body}</p>
      {digest && <p className="mt-2 font-mono text-xs text-slate-500">#{digest}</p>}
      <button type="button" onClick={() => retry()} className={buttonClass("primary", "mt-6")}>
        {retryLabel}
      </button>
    </div>
  );
}
