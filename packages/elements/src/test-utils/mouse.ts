import { deepActiveElement } from './keyboard.js';
import { runnerCommand } from './runner-command.js';

/**
 * A real pointer from the test runner (its built-in send-mouse command, the same protocol as
 * `@web/test-runner-commands`' `sendMouse`): trusted mouse events with their default actions,
 * among them the focus moving on press.
 */
type MousePayload = { type: 'move'; position: [number, number] } | { type: 'down' | 'up'; button?: 'left' | 'middle' | 'right' };

function command(name: 'send-mouse' | 'reset-mouse', payload?: MousePayload): Promise<void> {
  return runnerCommand(name, payload);
}

const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/**
 * Clicks the middle of `element` as a hand does: presses the left button there, lets the page
 * render (`between`, by default two frames: what the press changed is laid out, as it is before a
 * real finger lifts), then releases where the pointer is. If the press moved the element away,
 * the release misses it and no click happens, as for a user.
 */
export async function mouseClick(element: Element, between: () => Promise<unknown> = frames): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  const position: [number, number] = [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
  await command('send-mouse', { type: 'move', position });
  await command('send-mouse', { type: 'down', button: 'left' });
  await between();
  await command('send-mouse', { type: 'up', button: 'left' });
}

/** Releases every button and moves the pointer to the corner (after a test, so hover states do not leak). */
export function resetMouse(): Promise<void> {
  return command('reset-mouse');
}

/**
 * Makes a press behave as in Safari (and Firefox on macOS) until the returned function is called: a
 * pressed button does not take the focus, the field that had it just loses it (its blur has no
 * `relatedTarget`).
 */
export function pressLikeSafari(): () => void {
  const onMouseDown = (event: MouseEvent) => {
    if (!event.composedPath().some((node) => node instanceof HTMLButtonElement)) return;
    event.preventDefault();
    (deepActiveElement() as HTMLElement | null)?.blur();
  };
  window.addEventListener('mousedown', onMouseDown, { capture: true });
  return () => window.removeEventListener('mousedown', onMouseDown, { capture: true });
}

/** Runs `test` with presses as in Safari ({@link pressLikeSafari}), then puts the presses and the mouse back. */
export async function withSafariPresses(test: () => Promise<void>): Promise<void> {
  const restore = pressLikeSafari();
  try {
    await test();
  } finally {
    restore();
    await resetMouse();
  }
}
