import type { ReactNode } from "react";

/** The title of an admin page and one line on what it is for. */
export function AdminHeading({ title, intro, aside }: { title: string; intro: string; aside?: ReactNode }) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
      <div className="min-w-0">
        <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{title}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{intro}</p>
      </div>
      {aside}
    </div>
  );
}
