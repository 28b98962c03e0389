import { setLocale } from "@/app/actions/locale";
import { LOCALES, type Locale } from "@/server/i18n/locale";
import { LOCALE_NAMES, messages } from "./messages";

/** 中文 / English. A form posting to a Server Action: works before hydration and without JavaScript. */
export function LocaleSwitch({ locale, className = "" }: { locale: Locale; className?: string }) {
  return (
    <form action={setLocale} className={className}>
      <div role="group" aria-label={messages(locale).locale.label} className="inline-flex rounded-lg bg-slate-100 p-0.5 ring-1 ring-slate-200">
        {LOCALES.map((l) => {
          const active = l === locale;
          return (
            <button
              key={l}
              type="submit"
              name="locale"
              value={l}
              lang={l}
              aria-pressed={active}
              className={`min-h-11 min-w-11 rounded-md px-3 text-sm font-medium transition-colors ${
                active ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900"
              }`}
            >
              {LOCALE_NAMES[l]}
            </button>
          );
        })}
      </div>
    </form>
  );
}
