import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { ExportLine } from "./export-cells";

/** The amount column (0-based): written as a number of yuan so finance can sum it; two decimals shown. */
const AMOUNT_COLUMN = 6;

/**
 * The export as an Excel workbook, written with exceljs's streaming writer (rows are committed
 * as they are written, not held as a whole workbook). Text cells are string cells: Excel never
 * evaluates them as formulas, so no apostrophe is needed here (unlike CSV).
 */
export function xlsxStream(sheetName: string, headers: string[], lines: readonly ExportLine[]): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = headers.map((header, i) => ({ header, width: i === AMOUNT_COLUMN ? 14 : i === 8 ? 22 : 18, style: i === AMOUNT_COLUMN ? { numFmt: "0.00" } : {} }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for (const l of lines) {
        const values: (string | number)[] = [...l.cells];
        // Fen → yuan: an integer divided by 100 is the double nearest the exact amount, shown to the fen.
        values[AMOUNT_COLUMN] = l.amountFen / 100;
        sheet.addRow(values).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (e) {
      out.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}
