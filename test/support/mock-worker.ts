/// <reference types="mocha" />
import { createMemoryBackend } from '@portier/adapters';
import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import { startPortierWorker } from '../../packages/adapters/src/msw/browser-worker.js';

/**
 * Mocha hooks for a browser suite that talks REST through MSW's service worker: the worker starts
 * (over an empty memory backend) before the suite and is stopped and unregistered after it, and a
 * test fails if it leaves an unhandled promise rejection behind, even a late one (a timer, a resync).
 * @returns the running worker, for `resetHandlers` with each test's own backend.
 */
export function useMockWorker(baseUrl: string): () => SetupWorker {
  let worker: SetupWorker | undefined;
  const rejections: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);

  before(async () => {
    worker = await startPortierWorker(createMemoryBackend({ seed: 'empty' }), { baseUrl });
    addEventListener('unhandledrejection', onRejection);
  });

  after(async () => {
    removeEventListener('unhandledrejection', onRejection);
    worker?.stop();
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
  });

  beforeEach(() => {
    rejections.length = 0;
  });

  afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rejections, 'unhandled rejections').to.deep.equal([]);
  });

  return () => {
    if (!worker) throw new Error('the mock worker is not started: call useMockWorker at the top of the suite');
    return worker;
  };
}
