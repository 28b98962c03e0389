import "server-only";
import { toSVG } from "bwip-js/node";
import QRCode from "qrcode";

/**
 * The RMA number as the two codes a return slip carries, drawn on the server as SVG (no barcode
 * code travels to the browser; vectors stay sharp when printed). Code 128 for the USB scanners
 * at the packing table, QR for phones. Pure black on white with quiet zones: what scanners need.
 */
export function code128Svg(text: string): string {
  // paddingwidth: the quiet zone either side (in modules at scale 1), which Code 128 needs to be found.
  return toSVG({ bcid: "code128", text, scale: 2, height: 14, includetext: true, textxalign: "center", textsize: 11, paddingwidth: 10, backgroundcolor: "FFFFFF" });
}

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", margin: 2, errorCorrectionLevel: "M", color: { dark: "#000000", light: "#ffffff" } });
}
