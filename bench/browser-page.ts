/**
 * The page that bench/browser.bench.ts bundles and opens in Chromium. It builds the data and the
 * store outside the timed part, then times what a user waits for: from putting the element in the
 * page (or typing a key) to the end of the frame that shows the result.
 */
import '@portier/elements/define';
import { loadLocale } from '@portier/elements';
import { createPortier, type Portier, type PortierData } from '@portier/core';
import { createMemoryBackend } from '@portier/adapters';
import { generatePortal, manyGrants } from './support/generate.js';

/** Resolves after the next frame has run its rendering steps (rAF, style, layout, paint). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    }),
  );
}

/** Waits frame by frame until `done()` holds after a frame (at most `maxFrames`). */
async function frameWhen(done: () => boolean, maxFrames = 600): Promise<void> {
  for (let i = 0; i < maxFrames; i++) {
    await nextFrame();
    if (done()) return;
  }
  throw new Error('the element never showed what was expected');
}

async function store(data: PortierData): Promise<Portier> {
  const backend = createMemoryBackend({ seed: { data, defaultActorId: 'u-0' } });
  const portier = createPortier({ backend, actorId: 'u-0' });
  await portier.ready;
  await loadLocale('en');
  return portier;
}

/** `<portier-provider locale="en">` over `portier`, holding a new `<tag>` with `attributes`, put in the page. */
function mount(portier: Portier, tag: string, attributes: Record<string, string> = {}): HTMLElement {
  const provider = document.createElement('portier-provider');
  provider.portier = portier;
  provider.setAttribute('locale', 'en');
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  provider.append(element);
  // One element at a time: a virtual list below the fold would render no row.
  document.body.replaceChildren(provider);
  return element;
}

const rowsOf = (list: HTMLElement) => list.shadowRoot?.querySelectorAll('[role="row"][data-user-id]').length ?? 0;

/** First render of `<portier-user-list>` over `users` users: ms from insertion to the frame showing rows. */
async function listFirstRender(users: number): Promise<{ ms: number; rows: number }> {
  const portier = await store(generatePortal({ users }));
  await nextFrame();
  const start = performance.now();
  const list = mount(portier, 'portier-user-list');
  await frameWhen(() => rowsOf(list) > 0);
  const ms = performance.now() - start;
  (window as unknown as { shownList?: HTMLElement }).shownList = list;
  return { ms, rows: rowsOf(list) };
}

/**
 * Keystrokes in the e-mail filter of the list shown by {@link listFirstRender}: ms each, to the
 * frame showing the result; and `work`, ms from the keystroke to the first task after it (the
 * filter and the re-render, which run in microtasks; no frame wait, no style or layout).
 */
async function filterKeystrokes(words: string[]): Promise<{ ms: number[]; work: number[]; counts: string[] }> {
  const list = (window as unknown as { shownList: HTMLElement }).shownList;
  const input = list.shadowRoot!.querySelector<HTMLInputElement>('#email-filter')!;
  const count = () => list.shadowRoot!.querySelector('[part="count"]')?.textContent?.trim() ?? '';
  const ms: number[] = [];
  const work: number[] = [];
  const counts: string[] = [];
  for (const word of words) {
    for (let length = 1; length <= word.length; length++) {
      await nextFrame();
      const typed = word.slice(0, length);
      const start = performance.now();
      input.value = typed;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: word[length - 1]! }));
      // Posted now, run after the microtasks of the update: does not delay the frame awaited below.
      const worked = new Promise<number>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(0);
      });
      // Done when every row shown matches what was typed (or the list says nothing matches).
      await frameWhen(() => {
        const rows = [...list.shadowRoot!.querySelectorAll('[role="row"][data-user-id]')];
        if (rows.length === 0) return /No user/.test(list.shadowRoot!.textContent ?? '');
        return rows.every((row) => row.querySelector('[role="cell"]')?.textContent?.includes(typed));
      });
      ms.push(performance.now() - start);
      work.push(await worked);
      counts.push(`${input.value}: ${count()}`);
    }
  }
  return { ms, work, counts };
}

/** First render of `<portier-access-rights>` for a user holding grants on `clients` clients × the 7 applications. */
async function matrixFirstRender(clients: number): Promise<{ firstMs: number; firstRows: number; allMs: number; allRows: number }> {
  const data = generatePortal({ users: 10, clients, contracts: 2 });
  const applications = Object.keys(data.applications).length;
  data.grants['u-7'] = manyGrants(data, clients * applications);
  const portier = await store(data);
  await nextFrame();
  const start = performance.now();
  const matrix = mount(portier, 'portier-access-rights', { 'user-id': 'u-7' });
  const rows = () => matrix.shadowRoot?.querySelectorAll('table[part~="matrix"] tbody tr').length ?? 0;
  await frameWhen(() => rows() > 0);
  const firstMs = performance.now() - start;
  const firstRows = rows();
  await frameWhen(() => rows() >= clients);
  return { firstMs, firstRows, allMs: performance.now() - start, allRows: rows() };
}

const api = { listFirstRender, filterKeystrokes, matrixFirstRender };
declare global {
  interface Window {
    portierBench?: typeof api;
  }
}
window.portierBench = api;
