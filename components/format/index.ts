// The one place both audiences format money, dates and message templates.
export { attributesText, variantLabel } from "./attributes";
export { dateOnly, dateTime, deadlineView, relative, TIME_ZONE, type DeadlineView } from "./dates";
export { yuan } from "./money";
export { format } from "./template";
