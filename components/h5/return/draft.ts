import type { ReasonCode, ReturnType } from "@/server/domain/vocabulary";
import type { UploadedPhoto } from "../photos/upload";

/**
 * What the customer has typed into the return form, kept in localStorage per order so that a
 * reload, a lost connection or WeChat dropping the page does not cost them the form. The
 * idempotency key is made once per draft: every retry of the submit sends the same one, so
 * the server creates one request however often it arrives.
 */
export interface LineChoice {
  quantity: number;
  reasonCode: ReasonCode | "";
  note: string;
  exchangeSkuId: string;
}

export interface Draft {
  v: 1;
  orderId: string;
  idempotencyKey: string;
  step: number;
  type: ReturnType | "";
  /** The selected lines only, by order line id. */
  lines: Record<string, LineChoice>;
  photos: UploadedPhoto[];
}

export type DraftAction =
  | { kind: "replace"; draft: Draft }
  | { kind: "toggle"; lineId: string }
  | { kind: "quantity"; lineId: string; quantity: number }
  | { kind: "line"; lineId: string; change: Partial<LineChoice> }
  | { kind: "type"; value: ReturnType }
  | { kind: "step"; step: number }
  | { kind: "photos"; photos: UploadedPhoto[] };

export function emptyDraft(orderId: string, idempotencyKey: string): Draft {
  return { v: 1, orderId, idempotencyKey, step: 0, type: "", lines: {}, photos: [] };
}

export function draftReducer(state: Draft, action: DraftAction): Draft {
  switch (action.kind) {
    case "replace":
      return action.draft;
    case "toggle": {
      const lines = { ...state.lines };
      if (lines[action.lineId]) delete lines[action.lineId];
      else lines[action.lineId] = { quantity: 1, reasonCode: "", note: "", exchangeSkuId: "" };
      return { ...state, lines };
    }
    case "quantity": {
      const line = state.lines[action.lineId];
      return line ? { ...state, lines: { ...state.lines, [action.lineId]: { ...line, quantity: action.quantity } } } : state;
    }
    case "line": {
      const line = state.lines[action.lineId];
      return line ? { ...state, lines: { ...state.lines, [action.lineId]: { ...line, ...action.change } } } : state;
    }
    case "type":
      return { ...state, type: action.value };
    case "step":
      return { ...state, step: action.step };
    case "photos":
      return { ...state, photos: action.photos };
  }
}

const storageKey = (orderNo: string) => `rh:return-draft:v1:${orderNo}`;

/** localStorage can be missing or throw (private mode, some in-app browsers): a draft is a convenience. */
export function loadDraft(orderNo: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(storageKey(orderNo));
    const parsed = raw ? (JSON.parse(raw) as Draft) : null;
    return parsed?.v === 1 && typeof parsed.idempotencyKey === "string" && parsed.idempotencyKey ? parsed : null;
  } catch {
    return null;
  }
}

export function saveDraft(orderNo: string, draft: Draft): void {
  try {
    window.localStorage.setItem(storageKey(orderNo), JSON.stringify(draft));
  } catch {
    // Full or unavailable storage: the form still works, it just will not survive a reload.
  }
}

export function dropDraft(orderNo: string): void {
  try {
    window.localStorage.removeItem(storageKey(orderNo));
  } catch {
    // nothing to do
  }
}

/** crypto.randomUUID needs a secure context; a phone on http://192.168.x.x during a demo has none. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface LineFacts {
  id: string;
  returnableQuantity: number;
  exchangeVariantIds: string[];
}

/** A restored draft meets today's order: lines that can no longer be returned go, quantities shrink to what is left. */
export function reconcile(draft: Draft, orderId: string, lines: readonly LineFacts[], validReasons: readonly string[]): Draft | null {
  if (draft.orderId !== orderId) return null;
  const byId = new Map(lines.map((l) => [l.id, l]));
  const kept: Record<string, LineChoice> = {};
  for (const [id, choice] of Object.entries(draft.lines)) {
    const line = byId.get(id);
    if (!line || line.returnableQuantity <= 0) continue;
    kept[id] = {
      quantity: Math.min(Math.max(1, Math.floor(choice.quantity) || 1), line.returnableQuantity),
      reasonCode: validReasons.includes(choice.reasonCode) ? choice.reasonCode : "",
      note: typeof choice.note === "string" ? choice.note.slice(0, 500) : "",
      exchangeSkuId: line.exchangeVariantIds.includes(choice.exchangeSkuId) ? choice.exchangeSkuId : "",
    };
  }
  return { ...draft, lines: kept, step: Math.min(Math.max(0, draft.step), 3), photos: Array.isArray(draft.photos) ? draft.photos : [] };
}
