/**
 * Fills "{name}" slots in a message: format("共 {count} 件", { count: 3 }). A slot without a
 * value stays as written, so a missing parameter shows up on screen instead of vanishing.
 */
export function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
