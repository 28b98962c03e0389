import type { ExportLine } from "./export-cells";

/**
 * A spreadsheet cell: quoted, and a leading = + - @ (or tab/CR) defused with an apostrophe so a
 * value cannot run as a formula in Excel or WPS (CSV injection). Same rule as the queue export.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/**
 * The export as a CSV byte stream: a byte-order mark first (Excel on Windows reads the Chinese as
 * UTF-8 only with it), CRLF line ends, one line per chunk.
 */
export function csvStream(headers: string[], lines: readonly ExportLine[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = -1;
  return new ReadableStream({
    pull(controller) {
      if (i === -1) controller.enqueue(encoder.encode(`\uFEFF${headers.map(csvCell).join(",")}\r\n`));
      else if (i < lines.length) controller.enqueue(encoder.encode(`${lines[i]!.cells.map(csvCell).join(",")}\r\n`));
      else controller.close();
      i++;
    },
  });
}
