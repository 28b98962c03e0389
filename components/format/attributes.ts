/** {"颜色":"黑色","尺码":"M"} → "黑色 · M". */
export function attributesText(attributes: Record<string, string>): string {
  return Object.values(attributes).join(" · ");
}

/**
 * How a variant differs from what was bought: {"颜色":"白色","尺码":"L"} against M → "尺码 L".
 * All of its attributes when nothing differs.
 */
export function variantLabel(variant: Record<string, string>, bought: Record<string, string>): string {
  const differing = Object.entries(variant).filter(([k, v]) => bought[k] !== v);
  return (differing.length ? differing : Object.entries(variant)).map(([k, v]) => `${k} ${v}`).join(" · ");
}
