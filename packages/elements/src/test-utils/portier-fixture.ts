/// <reference types="mocha" />
import { createMemoryBackend, type MemoryBackend, type MemorySeed } from '@portier/adapters';
import { createManualClock, createPortier, type Language, type ManualClock, type Portier } from '@portier/core';
import { fixture } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import '../define/provider.js';
import { loadLocale } from '../localize/load-locale.js';
import type { PortierProvider } from '../provider/provider.js';

/** A store over the memory backend, with a manual clock. */
export interface TestPortier {
  portier: Portier;
  backend: MemoryBackend;
  clock: ManualClock;
}

/** Options of {@link createTestPortier}. */
export interface TestPortierOptions {
  /** Default `demo`. */
  seed?: 'demo' | 'empty' | MemorySeed;
  /** Default `u-001` (the super user who manages the four clients). */
  actorId?: string;
  clock?: ManualClock;
  latencyMs?: number;
  /** Wait for the first load (default true). */
  ready?: boolean;
}

/** Builds a store over `createMemoryBackend({ seed: 'demo', clock })`, loaded, acting as `u-001`. */
export async function createTestPortier(options: TestPortierOptions = {}): Promise<TestPortier> {
  const clock = options.clock ?? createManualClock(Date.UTC(2026, 0, 5, 9));
  const backend = createMemoryBackend({ seed: options.seed ?? 'demo', clock, latencyMs: options.latencyMs ?? 0 });
  const portier = createPortier({ backend, clock, actorId: options.actorId ?? 'u-001' });
  if (options.ready !== false) await portier.ready;
  return { portier, backend, clock };
}

/** Options of {@link renderWithPortier}. */
export interface RenderOptions extends TestPortierOptions {
  /** Default `en`. */
  locale?: Language;
  /** Use this store rather than a new one. */
  portier?: TestPortier;
}

/**
 * Renders `template` inside a `<portier-provider>` over a test store, waits for the store, the
 * locale and the first render, and returns the first child element with the store.
 * @example const { element, portier } = await renderWithPortier<PortierUserList>(html`<portier-user-list></portier-user-list>`);
 */
export async function renderWithPortier<E extends HTMLElement>(
  template: TemplateResult,
  options: RenderOptions = {},
): Promise<TestPortier & { element: E; provider: PortierProvider }> {
  const test = options.portier ?? (await createTestPortier(options));
  const locale = options.locale ?? 'en';
  await loadLocale(locale);
  const provider = await fixture<PortierProvider>(html`<portier-provider .portier=${test.portier} locale=${locale}>${template}</portier-provider>`);
  const element = provider.firstElementChild as E;
  await settle(element);
  return { ...test, element, provider };
}

/** Waits until the element (and Lit elements inside its shadow root) finished rendering. */
export async function settle(element: Element): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await (element as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
    const inner = element.shadowRoot ? [...element.shadowRoot.querySelectorAll('*')] : [];
    await Promise.all(inner.map((child) => (child as Partial<{ updateComplete: Promise<unknown> }>).updateComplete));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  // Virtual lists render their rows after measuring, a frame or two later.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await (element as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
}

/** The first node matching `selector` in the element's shadow root (throws when none: the test says what it looked for). */
export function $<T extends Element = HTMLElement>(element: Element, selector: string): T {
  const found = element.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`Nothing matches ${selector} in <${element.localName}>`);
  return found;
}

/** Every node matching `selector` in the element's shadow root. */
export function $$<T extends Element = HTMLElement>(element: Element, selector: string): T[] {
  return [...(element.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/** Types into an input like a user: sets the value and fires `input` (and `change` when asked). */
export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string, options: { change?: boolean } = {}): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value, inputType: 'insertText' }));
  if (options.change) input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Chooses an option of a select like a user (fires `input` and `change`). */
export function choose(select: HTMLSelectElement, value: string): void {
  select.focus();
  select.value = value;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** The element's visible text, whitespace collapsed (shadow root included). */
export function textOf(element: Element): string {
  const root = element.shadowRoot ?? element;
  return (root.textContent ?? '').replace(/\s+/g, ' ').trim();
}
