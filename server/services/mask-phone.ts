/**
 * 138****5678: the one masking of phone numbers, done on the server so that pages (staff and
 * customer alike) only ever receive the masked form. Too-short input shows nothing of itself.
 */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : "****";
}
