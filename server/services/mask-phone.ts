/**
 * 138****5678: the one masking of phone numbers, done on the server so that pages (staff and
 * customer alike) only ever receive the masked form. Too-short input, or a value that is no
 * phone number (an anonymised customer's placeholder), shows nothing of itself.
 */
export function maskPhone(phone: string): string {
  return phone.length >= 7 && /^\+?\d+$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : "****";
}
