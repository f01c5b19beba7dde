/**
 * Runs one of the test runner's built-in commands (`send-keys`, `send-mouse`, `reset-mouse`: the
 * protocol of `@web/test-runner-commands`, which is not a direct dependency here) over its web socket.
 */
export async function runnerCommand(command: string, payload?: unknown): Promise<void> {
  const sessionId = new URL(window.location.href).searchParams.get('wtr-session-id');
  if (!sessionId) throw new Error(`${command} needs a browser controlled by @web/test-runner.`);
  const socket = (await import(/* @vite-ignore */ '/__web-dev-server__web-socket.js' as string)) as {
    sendMessageWaitForResponse(message: unknown): Promise<{ executed: boolean; result: unknown }>;
  };
  const response = await socket.sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command, payload });
  if (!response.executed) throw new Error(`The test runner did not execute ${command}.`);
}

/** The test page's viewport size (puppeteer's default, which the test runner keeps). */
export const DEFAULT_VIEWPORT = { width: 800, height: 600 } as const;

/** Resizes the test page's viewport; put it back with `setViewport(DEFAULT_VIEWPORT)`. */
export function setViewport(size: { width: number; height: number }): Promise<void> {
  return runnerCommand('set-viewport', size);
}

/** Emulates forced colors (Windows High Contrast) on the test page, or stops. */
export function forcedColors(active: boolean): Promise<void> {
  return runnerCommand('forced-colors', { active });
}
