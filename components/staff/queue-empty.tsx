import { messages } from "@/components/i18n/messages";
import type { Locale } from "@/server/i18n/locale";

export function QueueEmpty({ locale }: { locale: Locale }) {
  const m = messages(locale).dashboard;
  return (
    <div className="flex flex-col items-center rounded-xl bg-white px-6 py-16 text-center shadow-sm ring-1 ring-slate-200">
      <div className="flex size-14 items-center justify-center rounded-full bg-accent-50 text-accent-700">
        <svg className="size-7" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <path d="M20 6 9 17l-5-5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </div>
      <h2 className="mt-4 text-lg font-semibold text-slate-900">{m.emptyTitle}</h2>
      <p className="mt-1 max-w-sm text-sm text-slate-600">{m.emptyBody}</p>
    </div>
  );
}
