/**
 * True when a field of a form loses focus to one of that form's buttons (Save, Cancel): a press
 * on the button is under way. A form then does not show the field's error on this blur: the new
 * line would push the button down between the pointer's press and its release, the release would
 * miss it and the click would be lost. The submit shows every error anyway; Cancel drops them.
 */
export function leavesForFormButton(event: FocusEvent): boolean {
  const field = event.target as Partial<Pick<HTMLInputElement, 'form'>> | null;
  const next = event.relatedTarget;
  return next instanceof HTMLButtonElement && !!field?.form && next.form === field.form;
}
