/** A pointer press under way in a form: whether it is on one of the form's buttons, and the field checks waiting for its end. */
interface Press {
  onButton: boolean;
  waiting: (() => void)[];
}

/** Forms where a pointer is pressed, until it is released. */
const presses = new WeakMap<HTMLFormElement, Press>();

/**
 * A form's `@pointerdown` handler: remembers that a pointer is pressed in this form, and whether on
 * one of its buttons, until it is released. Safari, and Firefox on macOS, do not focus a pressed
 * button, so the field's blur has no `relatedTarget` to tell it; the press, which comes before the
 * blur, does.
 */
export function notePressInForm(event: PointerEvent): void {
  // Only the primary button clicks (a touch and a pen press are primary too).
  if (event.button !== 0) return;
  const form = event.currentTarget as HTMLFormElement;
  const button = event.composedPath().find((node): node is HTMLButtonElement => node instanceof HTMLButtonElement);
  const press: Press = { onButton: button?.form === form, waiting: [] };
  presses.set(form, press);
  const released = new AbortController();
  // After the click that the release fires: the blur handlers of that click still see the press.
  const release = (event: Event) => {
    // A field's blur passes by too (capture): only the window's own blur means it lost the focus.
    if (event.type === 'blur' && event.target !== window) return;
    released.abort();
    setTimeout(() => {
      if (presses.get(form) === press) presses.delete(form);
      for (const check of press.waiting) check();
    });
  };
  // A context menu (Ctrl-click on macOS), a drag, a native select's popup or leaving the window
  // may swallow the release; a key pressed means the pointer's click is over anyway.
  for (const type of ['pointerup', 'pointercancel', 'contextmenu', 'dragstart', 'blur', 'keydown'] as const) {
    window.addEventListener(type, release, { capture: true, signal: released.signal });
  }
}

/**
 * A field's blur: runs `touch` (which shows the field's error) now, or once a pointer press in its
 * form has ended. A new error line pushes what is below it down between the pointer's press and
 * its release: the release would miss the checkbox or the button pressed, and the click would be
 * lost. So the error waits for the click; for a press on one of the form's buttons (Save, Cancel)
 * it is not shown at all: the submit shows every error anyway, and Cancel drops them.
 * The press is told by {@link notePressInForm}, or by a button taking the focus.
 */
export function touchAfterPress(event: FocusEvent, touch: () => void): void {
  const form = (event.target as Partial<Pick<HTMLInputElement, 'form'>> | null)?.form;
  const next = event.relatedTarget;
  if (form && next instanceof HTMLButtonElement && next.form === form) return;
  const press = form ? presses.get(form) : undefined;
  if (press?.onButton) return;
  if (press) press.waiting.push(touch);
  else touch();
}
