import { describe, expect, it } from "vitest";
import { isCodeCharacter, isEditable, routeKey } from "./scanner-keys";

const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, ...extra }) as unknown as EventTarget;
const key = (k: string, target: EventTarget | null, extra: Partial<KeyboardEvent> = {}) => ({ key: k, target, ctrlKey: false, altKey: false, metaKey: false, defaultPrevented: false, ...extra });

describe("the scanner's keystrokes on the station page", () => {
  const field = el("INPUT", { type: "text" }) as unknown as HTMLElement;

  it("treats text fields, text areas, selects and contenteditable as the clerk's own typing", () => {
    expect(isEditable(el("INPUT", { type: "text" }))).toBe(true);
    expect(isEditable(el("INPUT", { type: "number" }))).toBe(true);
    expect(isEditable(el("TEXTAREA"))).toBe(true);
    expect(isEditable(el("SELECT"))).toBe(true);
    expect(isEditable(el("DIV", { isContentEditable: true }))).toBe(true);
    expect(isEditable(el("INPUT", { type: "checkbox" }))).toBe(false);
    expect(isEditable(el("BUTTON"))).toBe(false);
    expect(isEditable(null)).toBe(false);
  });

  it("counts printable characters without Ctrl/Alt/Meta as code characters", () => {
    expect(isCodeCharacter(key("R", null))).toBe(true);
    expect(isCodeCharacter(key("7", null))).toBe(true);
    expect(isCodeCharacter(key("-", null))).toBe(true);
    expect(isCodeCharacter(key("Enter", null))).toBe(false);
    expect(isCodeCharacter(key("Tab", null))).toBe(false);
    expect(isCodeCharacter(key(" ", null))).toBe(false);
    expect(isCodeCharacter(key("c", null, { ctrlKey: true }))).toBe(false);
  });

  it("redirects a character typed on the page or on a button into the scan field", () => {
    expect(routeKey(key("R", el("BODY")), field, false)).toBe("redirect");
    expect(routeKey(key("R", el("BUTTON")), field, false)).toBe("redirect");
  });

  it("leaves the scan field, other fields, open dialogs and non-characters alone", () => {
    expect(routeKey(key("R", field), field, false)).toBe("ignore");
    expect(routeKey(key("R", el("TEXTAREA")), field, false)).toBe("ignore");
    expect(routeKey(key("R", el("BODY")), field, true)).toBe("ignore");
    expect(routeKey(key("Enter", el("BUTTON")), field, false)).toBe("ignore");
    expect(routeKey(key("R", el("BODY"), { defaultPrevented: true }), field, false)).toBe("ignore");
    expect(routeKey(key("R", el("BODY")), null, false)).toBe("ignore");
  });
});
