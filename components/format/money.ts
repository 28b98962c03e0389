import { formatYuan } from "@/server/domain/money";

/** ¥1,299.00 from fen: formatYuan does the fen → yuan arithmetic; only digit grouping is added here. */
export function yuan(fen: number): string {
  const [whole = "0", cents = "00"] = formatYuan(fen).split(".");
  return `¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}
