import type { ReactNode } from "react";

const ICON_TONES = { accent: "bg-accent-50 text-accent-700", neutral: "bg-slate-100 text-slate-600", danger: "bg-red-50 text-red-700" } as const;

/** Ready-made icons (24×24 stroke paths) for the usual empty states. */
export const EMPTY_ICONS = {
  check: <path d="M20 6 9 17l-5-5" strokeLinecap="round" strokeLinejoin="round" />,
  search: <path d="M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm10 2-4.35-4.35" strokeLinecap="round" strokeLinejoin="round" />,
  missing: <path d="M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm10 2-4.35-4.35M8.5 8.5l5 5m0-5-5 5" strokeLinecap="round" strokeLinejoin="round" />,
  inbox: <path d="M3 13h5l1.5 3h5L16 13h5M5.5 5h13L21 13v6H3v-6z" strokeLinecap="round" strokeLinejoin="round" />,
  error: <path d="M12 8v5m0 3.5v.5M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" strokeLinecap="round" strokeLinejoin="round" />,
} as const;

/**
 * Nothing to show, said plainly: an icon, a title, one sentence, and the way on (a button or link).
 * `icon` is a key of EMPTY_ICONS or your own <svg> contents.
 */
export function EmptyState({
  icon = "inbox",
  iconTone = "accent",
  title,
  body,
  action,
  headingLevel = "h2",
  role,
  className = "",
}: {
  icon?: keyof typeof EMPTY_ICONS | ReactNode;
  iconTone?: keyof typeof ICON_TONES;
  title: ReactNode;
  body?: ReactNode;
  action?: ReactNode;
  headingLevel?: "h1" | "h2" | "h3";
  /** "alert" when the empty state reports a failure that just happened. */
  role?: "alert" | "status";
  className?: string;
}) {
  const Heading = headingLevel;
  const paths = typeof icon === "string" && icon in EMPTY_ICONS ? EMPTY_ICONS[icon as keyof typeof EMPTY_ICONS] : icon;
  return (
    <div role={role} className={`flex flex-col items-center rounded-xl bg-white px-6 py-14 text-center shadow-sm ring-1 ring-slate-200 ${className}`.trim()}>
      <div className={`flex size-12 items-center justify-center rounded-full ${ICON_TONES[iconTone]}`}>
        <svg className="size-6" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          {paths}
        </svg>
      </div>
      <Heading className="mt-4 text-lg font-semibold text-slate-900">{title}</Heading>
      {body && <p className="mt-1 max-w-sm text-sm text-slate-600">{body}</p>}
      {action && <div className="mt-6 flex flex-wrap justify-center gap-2">{action}</div>}
    </div>
  );
}
