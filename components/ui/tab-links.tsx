/**
 * A row of links that look like tabs, the current one raised (aria-current="page"). Links, not
 * buttons: each tab is its own address, so it survives a reload and can be shared.
 */
export function TabLinks({ label, tabs, className = "" }: { label: string; tabs: { href: string; label: string; current: boolean }[]; className?: string }) {
  return (
    <nav aria-label={label} className={`mb-4 flex gap-1 rounded-lg bg-slate-100 p-1 sm:w-fit ${className}`.trim()}>
      {tabs.map((tab) => (
        <a
          key={tab.href}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className={`inline-flex min-h-10 flex-1 items-center justify-center rounded-md px-4 text-center text-sm font-medium sm:flex-none ${tab.current ? "bg-white text-slate-900 shadow-sm" : "text-slate-700 hover:text-slate-900"}`}
        >
          {tab.label}
        </a>
      ))}
    </nav>
  );
}
