import { messages } from "@/components/i18n/messages";
import { requestLocale } from "@/components/i18n/request-locale";

function Bar({ className }: { className: string }) {
  return <div className={`animate-pulse rounded bg-slate-200 ${className}`} />;
}

/** Skeleton in the shape of the queue, so the page does not jump when it arrives. */
export default async function Loading() {
  const m = messages(await requestLocale()).dashboard;
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{m.loading}</span>
      <div className="mb-5 space-y-2" aria-hidden="true">
        <Bar className="h-8 w-56" />
        <Bar className="h-4 w-80 max-w-full" />
      </div>
      <div className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200" aria-hidden="true">
        <div className="hidden border-b border-slate-200 bg-slate-50 px-4 py-3 md:block">
          <Bar className="h-3 w-2/3" />
        </div>
        <div className="divide-y divide-slate-100">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="grid grid-cols-2 gap-4 px-4 py-4 md:grid-cols-7">
              <Bar className="h-4 w-32" />
              <Bar className="h-4 w-20 justify-self-end md:justify-self-start" />
              <Bar className="hidden h-4 w-28 md:block" />
              <Bar className="hidden h-4 w-16 md:block" />
              <Bar className="hidden h-4 w-16 md:block" />
              <Bar className="hidden h-5 w-20 rounded-full md:block" />
              <Bar className="hidden h-4 w-24 md:block" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
