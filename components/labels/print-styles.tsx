import type { LabelLayout } from "./types";

/**
 * The print stylesheet of a label page, chosen by layout. Printing (or "save as PDF") shows the
 * slip alone: everything that neither holds nor is inside the slip is not displayed, its
 * ancestors lose their spacing, and the slip is black on white at the paper's size. A6 is one
 * page whatever the number of lines (they are cut with "N more"); A4 flows if it must.
 */
const PAGE: Record<LabelLayout, string> = {
  a6: "@page { size: 105mm 148mm; margin: 0; }",
  a4: "@page { size: A4; margin: 12mm; }",
};

const COMMON = `
@media print {
  html, body { background: #fff !important; margin: 0 !important; padding: 0 !important; min-height: 0 !important; height: auto !important; }
  body *:not(:has(.return-slip)):not(.return-slip):not(.return-slip *) { display: none !important; }
  *:has(> .return-slip), *:has(.return-slip) {
    margin: 0 !important; padding: 0 !important; border: 0 !important; box-shadow: none !important;
    max-width: none !important; width: auto !important; min-height: 0 !important; background: #fff !important; gap: 0 !important;
  }
  .return-slip, .return-slip * { color: #000 !important; background: transparent !important; box-shadow: none !important; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .return-slip { border: 0 !important; border-radius: 0 !important; margin: 0 !important; break-inside: avoid; }
  .return-slip .slip-rule { border-color: #000 !important; }
}`;

const SIZE: Record<LabelLayout, string> = {
  a6: "@media print { .return-slip { width: 105mm !important; height: 147mm !important; max-width: none !important; overflow: hidden; padding: 5mm !important; box-sizing: border-box; } }",
  a4: "@media print { .return-slip { width: auto !important; max-width: none !important; padding: 0 !important; } }",
};

export function PrintStyles({ layout }: { layout: LabelLayout }) {
  return <style>{`${PAGE[layout]}\n${COMMON}\n${SIZE[layout]}`}</style>;
}
