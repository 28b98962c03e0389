import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/** The warehouse router's answers, as the client receives them (server/services/receiving/types.ts is off limits here). */
type Out = inferRouterOutputs<AppRouter>["warehouse"];

export type LookupResult = Out["lookup"];
export type ScanRequest = Extract<LookupResult, { kind: "request" }>["request"];
export type ScanLine = ScanRequest["lines"][number];
export type ScanPhoto = ScanRequest["customerPhotos"][number];
export type UnmatchedParcel = Out["unmatchedList"]["items"][number];
export type RecordParcelResult = Out["recordParcel"];
export type ReceiptResult = Pick<RecordParcelResult, "status" | "version" | "outcome" | "differences">;

/** What the banner after a recorded parcel needs: the answer plus the request's words (titles, RMA). */
export interface RecordedOutcome {
  rmaNo: string;
  result: ReceiptResult;
  titles: Record<string, string>;
}
