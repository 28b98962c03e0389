/** The app mark: a parcel with a return arrow, in the accent colour. */
export function Logo({ className = "size-9" }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 40 40" aria-hidden="true">
      <rect width="40" height="40" rx="10" fill="var(--color-accent-700)" />
      <path d="M11 16.5 20 12l9 4.5v9L20 30l-9-4.5z" fill="none" stroke="#fff" strokeWidth="2.2" strokeLinejoin="round" />
      <path d="M11 16.5 20 21l9-4.5M20 21v9" fill="none" stroke="#fff" strokeWidth="2.2" strokeLinejoin="round" />
    </svg>
  );
}
