/** Forms where a pointer is pressed on one of their buttons, until it is released. */
const pressing = new WeakSet<HTMLFormElement>();

/**
 * A form's `@pointerdown` handler: remembers that a button of this form is being pressed, until the
 * pointer is released. Safari, and Firefox on macOS, do not focus a pressed button, so the field's
 * blur has no `relatedTarget` to tell it; the press, which comes before the blur, does.
 */
export function notePressOnFormButton(event: PointerEvent): void {
  // Only the primary button clicks (a touch and a pen press are primary too).
  if (event.button !== 0) return;
  const form = event.currentTarget as HTMLFormElement;
  const button = event.composedPath().find((node): node is HTMLButtonElement => node instanceof HTMLButtonElement);
  if (button?.form !== form) return;
  pressing.add(form);
  const released = new AbortController();
  // After the click that the release fires: the blur handlers of that click still see the press.
  const release = (event: Event) => {
    // A field's blur passes by too (capture): only the window's own blur means it lost the focus.
    if (event.type === 'blur' && event.target !== window) return;
    released.abort();
    setTimeout(() => pressing.delete(form));
  };
  // A context menu (Ctrl-click on macOS), a drag or leaving the window may swallow the release.
  for (const type of ['pointerup', 'pointercancel', 'contextmenu', 'dragstart', 'blur'] as const) {
    window.addEventListener(type, release, { capture: true, signal: released.signal });
  }
}

/**
 * True when a field of a form loses focus to one of that form's buttons (Save, Cancel): a press
 * on the button is under way. A form then does not show the field's error on this blur: the new
 * line would push the button down between the pointer's press and its release, the release would
 * miss it and the click would be lost. The submit shows every error anyway; Cancel drops them.
 * Browsers that do not focus a pressed button are told by {@link notePressOnFormButton}.
 */
export function leavesForFormButton(event: FocusEvent): boolean {
  const field = event.target as Partial<Pick<HTMLInputElement, 'form'>> | null;
  const form = field?.form;
  if (!form) return false;
  const next = event.relatedTarget;
  return (next instanceof HTMLButtonElement && next.form === form) || pressing.has(form);
}
