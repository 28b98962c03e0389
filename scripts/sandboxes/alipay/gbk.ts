/**
 * GBK encoding for the sandbox's bill files (Alipay serves its CSV bills in GBK). Node can
 * decode GBK (TextDecoder) but not encode it, so the table is built once by decoding every
 * two-byte GBK code; characters outside GBK become "?".
 */
let table: Map<string, [number, number]> | undefined;

function encoderTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder("gbk", { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // not a GBK code
      }
    }
  }
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  const codes = encoderTable();
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const pair = codes.get(ch);
      if (pair) out.push(pair[0], pair[1]);
      else out.push(0x3f);
    }
  }
  return Uint8Array.from(out);
}
