/**
 * The `notifications` router's shapes, as the brief's contract states them. Replaced by the
 * router's inferred types once h/notifications is merged.
 */
export interface DeliveryRow {
  id: string;
  channel: string;
  target: string;
  templateKey: string;
  rmaNo: string | null;
  eventAction: string;
  status: string;
  attempts: number;
  lastResponse: string | null;
  lastAttemptAt: Date | null;
  sentAt: Date | null;
  createdAt: Date;
}

export interface EndpointRow {
  id: string;
  name: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: Date;
  lastDelivery: { status: string; at: Date } | null;
}

export interface StaffChannelRow {
  id: string;
  role: string;
  kind: string;
  target: string;
  active: boolean;
}
