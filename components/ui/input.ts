/** Class names for text inputs, selects and textareas: 44 px tall, 16 px text (no zoom-on-focus in iOS / WeChat). */
export const inputClass =
  "block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-accent-600 focus:ring-2 focus:ring-accent-600/30 focus:outline-none aria-invalid:border-red-600 aria-invalid:ring-red-600/20 disabled:bg-slate-100";
