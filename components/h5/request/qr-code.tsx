import QRCode from "qrcode";

/**
 * The RMA number as a QR code, drawn on the server as SVG: no QR library travels to the phone.
 * The warehouse scans it from the customer's screen or a printout on the parcel.
 */
export async function QrCode({ value, label, className = "size-36" }: { value: string; label: string; className?: string }) {
  const svg = await QRCode.toString(value, { type: "svg", margin: 1, errorCorrectionLevel: "M", color: { dark: "#0f172a", light: "#ffffff" } });
  return <div role="img" aria-label={label} className={`${className} [&>svg]:size-full`} dangerouslySetInnerHTML={{ __html: svg }} />;
}
