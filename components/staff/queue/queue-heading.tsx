import type { ReactNode } from "react";

/** The queue's title, with the count in it, and a line that says what the queue holds. */
export function QueueHeading({ title, count, intro, aside }: { title: string; count?: ReactNode; intro: string; aside?: ReactNode }) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
      <div className="min-w-0">
        <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">
          {title}
          {count && <span className="ml-2.5 inline-block align-[0.15em]">{count}</span>}
        </h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">{intro}</p>
      </div>
      {aside}
    </div>
  );
}
