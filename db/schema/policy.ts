import { integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ApprovalPolicy } from "../../server/domain/policy";
import { staffUsers } from "./staff";

/** Every version of the approval policy; the highest version is in force. Rows are never changed. */
export const approvalPolicies = pgTable("approval_policies", {
  id: uuid().primaryKey().defaultRandom(),
  version: integer().notNull().unique(),
  policy: jsonb().$type<ApprovalPolicy>().notNull(),
  note: text(),
  createdBy: uuid().references(() => staffUsers.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
