/**
 * Hostile names and e-mails: markup, event handlers, `javascript:` URLs, bidi overrides, zero-width
 * characters, emoji and a 10,000-character string. A screen must show them as text, run nothing,
 * and keep its layout.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '"><svg onload="window.__pwned = 3">',
  'javascript:window.__pwned = 4',
  '\u202Egnp.exe\u202C Evil',
  'Zero\u200B\u200C\u200DWidth\uFEFF',
  '👩‍💻🏳️‍🌈 Émoji',
  `{{constructor.constructor('window.__pwned = 5')()}}`,
  'x'.repeat(10_000),
];

/** True when none of the hostile strings ran. */
export function nothingRan(): boolean {
  return (window as unknown as { __pwned?: number }).__pwned === undefined;
}
