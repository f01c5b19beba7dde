import { runnerCommand } from './runner-command.js';

/**
 * Real key presses from the test runner (its built-in send-keys command, which types through the
 * browser's input pipeline: trusted events, default actions, focus moves). The same protocol as
 * `@web/test-runner-commands`, which is not a direct dependency here.
 */
type KeyPayload = { type: string } | { press: string } | { down: string } | { up: string };

function command(payload: KeyPayload): Promise<void> {
  return runnerCommand('send-keys', payload);
}

/** Types text into whatever has focus. */
export function keyboardType(text: string): Promise<void> {
  return command({ type: text });
}

/** Presses one key (`Tab`, `Enter`, `Space`, `ArrowDown`) or a chord (`Shift+Tab`, `Control+End`). */
export async function press(key: string, times = 1): Promise<void> {
  const keys = key.split('+');
  const main = keys.pop()!;
  for (let i = 0; i < times; i++) {
    for (const modifier of keys) await command({ down: modifier });
    await command({ press: main });
    for (const modifier of keys.reverse()) await command({ up: modifier });
    keys.reverse();
  }
}

/** The element that has focus, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until `predicate` holds for the focused element (at most `max` times). */
export async function tabTo(predicate: (element: Element) => boolean, max = 80): Promise<Element> {
  for (let i = 0; i < max; i++) {
    const active = deepActiveElement();
    if (active && predicate(active)) return active;
    await press('Tab');
  }
  throw new Error('Tab never reached the wanted control.');
}
