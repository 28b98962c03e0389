import { requestLocale } from "@/components/i18n/request-locale";
import { requestMessages } from "@/components/i18n/request-messages";

function Bar({ className }: { className: string }) {
  return <div className={`animate-pulse rounded bg-slate-200 ${className}`} />;
}

/** Skeleton in the shape of the request screen: summary, then the two columns. */
export default async function Loading() {
  const m = requestMessages(await requestLocale());
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">{m.loading}</span>
      <div aria-hidden="true" className="space-y-4">
        <Bar className="h-5 w-28" />
        <div className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <Bar className="h-7 w-72 max-w-full" />
          <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            {Array.from({ length: 4 }, (_, i) => (
              <Bar key={i} className="h-10" />
            ))}
          </div>
        </div>
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="space-y-4 lg:order-2">
            <Bar className="h-32 rounded-xl" />
            <Bar className="h-48 rounded-xl" />
          </div>
          <div className="space-y-4 lg:order-1">
            <Bar className="h-40 rounded-xl" />
            <Bar className="h-32 rounded-xl" />
            <Bar className="h-56 rounded-xl" />
          </div>
        </div>
      </div>
    </div>
  );
}
