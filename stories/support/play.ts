/**
 * Small helpers for play functions: find nodes through shadow roots (the screens render in their
 * own shadow DOM) and act on them like a user would, so that a "refused" story opens on the refusal.
 */

/** The first element matching `selector` in `root` or any shadow root below it. */
export function deepQuery<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | null {
  const found = root.querySelector<T>(selector);
  if (found) return found;
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) {
      const inner = deepQuery<T>(element.shadowRoot, selector);
      if (inner) return inner;
    }
  }
  return null;
}

/** Waits until `selector` exists (through shadow roots), up to `timeoutMs`. */
export async function waitForDeep<T extends Element = HTMLElement>(root: ParentNode, selector: string, timeoutMs = 4000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const found = deepQuery<T>(root, selector);
    if (found) return found;
    if (performance.now() - start > timeoutMs) throw new Error(`Not found in the story: ${selector}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Types into a field as a user would: value, then `input` and `change` events. */
export function typeInto(input: HTMLInputElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Waits for `selector` (through shadow roots) and clicks it. */
export async function clickDeep(root: ParentNode, selector: string, timeoutMs?: number): Promise<void> {
  (await waitForDeep(root, selector, timeoutMs)).click();
}

/** Chooses `value` in a `<select>` as a user would: value, then `input` and `change` events. */
export function choose(select: HTMLSelectElement, value: string): void {
  select.focus();
  select.value = value;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** A new password that meets every policy of the demo (long, mixed, not common, unlike any demo name). */
export const NEW_PASSWORD = 'Lantern-Harbour-Maple-73!';

/** Types `password` in an account screen's new-password field and its confirmation. */
export async function typeNewPassword(root: ParentNode, password = NEW_PASSWORD): Promise<void> {
  typeInto(await waitForDeep<HTMLInputElement>(root, '#new-password'), password);
  typeInto(await waitForDeep<HTMLInputElement>(root, '#confirmation'), password);
}
