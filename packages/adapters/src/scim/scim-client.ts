import { PortierError } from '@portier/core';
import { DEFAULT_MAX_RESPONSE_BYTES, PayloadTooLarge, readWithin } from '../internal/read-within.js';
import { refuseRedirect } from '../internal/redirect.js';
import { fromScim, type ScimRecord } from './scim-mapping.js';
import { PORTIER_EXTENSION, SCIM_LIST, SCIM_PATCH } from './scim-urns.js';
import { renderFilter, type ScimFilter } from './scim-filter.js';

/** Options of the SCIM HTTP client. */
export interface ScimClientOptions {
  baseUrl: string;
  /** Bearer token. */
  token: string;
  fetch?: typeof fetch;
  /** Per request; default 15 000 ms. */
  timeoutMs?: number;
  /** Page size of list reads. Default 200. */
  pageSize?: number;
  /** A longer answer is cut off and refused as `server` (reason `response-too-large`). Default 128 MiB. */
  maxResponseBytes?: number;
}

/**
 * The SCIM error statuses, as Portier codes. A 409 on `uniqueness` is the e-mail (userName) taken.
 * Only the status and the standard `scimType` keyword are kept: the provider's own `detail` text
 * (a database message, a host name) must not travel on to a browser.
 */
function errorOf(status: number, body: Record<string, unknown> | undefined): PortierError {
  const scimType = body?.['scimType'];
  const details = { status, ...(typeof scimType === 'string' && /^[A-Za-z]{1,40}$/.test(scimType) ? { scimType } : {}) };
  if (status === 412) return new PortierError('conflict', details);
  if (status === 409) return new PortierError(body?.['scimType'] === 'uniqueness' ? 'email-taken' : 'conflict', details);
  if (status === 404) return new PortierError('not-found', details);
  if (status === 400) return new PortierError('validation', { ...details, issues: [] });
  // The backend's own credential for the peer is refused: the host's configuration, not the user's right.
  if (status === 401 || status === 403) return new PortierError('server', { ...details, reason: 'scim-authentication' });
  return new PortierError('server', details);
}

/**
 * The resource path of a user. `.` and `..` are no ids: encoded or not, a URL resolves them to
 * the collection or its parent, so a PATCH or DELETE would reach another resource.
 */
function userPath(id: string): string {
  if (id === '.' || id === '..') throw new PortierError('not-found', { entity: 'user', id });
  return `/Users/${encodeURIComponent(id)}`;
}

/** A minimal SCIM 2.0 client for Users: list with filter and paging, create, PATCH, delete, discovery. */
export function createScimClient(options: ScimClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const pageSize = options.pageSize ?? 200;
  let discovered: Promise<void> | undefined;

  async function request(method: string, path: string, init: { body?: unknown; ifMatch?: string; signal?: AbortSignal | undefined } = {}): Promise<{ body: unknown; etag: string | undefined }> {
    const signals = [AbortSignal.timeout(timeoutMs), ...(init.signal ? [init.signal] : [])];
    let response: Response;
    let text: string;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: 'application/scim+json',
          ...(init.body === undefined ? {} : { 'content-type': 'application/scim+json' }),
          ...(init.ifMatch ? { 'if-match': init.ifMatch } : {}),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        redirect: 'manual',
        signal: AbortSignal.any(signals),
      });
      refuseRedirect(response);
      text = new TextDecoder().decode(await readWithin(response.body, maxResponseBytes));
    } catch (error) {
      if (init.signal?.aborted) throw init.signal.reason;
      if (error instanceof PortierError) throw error;
      if (error instanceof PayloadTooLarge) throw new PortierError('server', { reason: 'response-too-large', limit: maxResponseBytes });
      throw new PortierError('network', { reason: 'scim-unreachable', cause: error instanceof Error ? error.message : String(error) });
    }
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new PortierError('server', { reason: 'malformed-json', status: response.status });
    }
    if (!response.ok) throw errorOf(response.status, body as Record<string, unknown> | undefined);
    return { body, etag: response.headers.get('etag') ?? undefined };
  }

  /** Checks once that the peer supports what the backend needs (PATCH, filters, ETags) and knows the Portier extension. */
  function discover(signal?: AbortSignal): Promise<void> {
    discovered ??= (async () => {
      const config = (await request('GET', '/ServiceProviderConfig', { signal })).body as Record<string, { supported?: boolean }>;
      const missing = ['patch', 'filter', 'etag'].filter((feature) => config?.[feature]?.supported !== true);
      if (missing.length > 0) throw new PortierError('server', { reason: 'scim-unsupported', missing });
      await request('GET', `/Schemas/${PORTIER_EXTENSION}`, { signal }).catch((error: unknown) => {
        // A peer that was not given Portier's extension: the host's set-up, not an unknown user.
        throw error instanceof PortierError && error.code === 'not-found' ? new PortierError('server', { reason: 'scim-extension-missing' }) : error;
      });
    })();
    discovered.catch(() => {
      discovered = undefined;
    });
    return discovered;
  }

  return {
    discover,

    /** Every user matching `filter`, read page by page (`startIndex`, `count`). */
    async listUsers(filter: ScimFilter | undefined, signal?: AbortSignal): Promise<ScimRecord[]> {
      await discover(signal);
      const records: ScimRecord[] = [];
      const seen = new Set<string>();
      for (let startIndex = 1; ; ) {
        const search = new URLSearchParams({ startIndex: String(startIndex), count: String(pageSize) });
        if (filter) search.set('filter', renderFilter(filter));
        const { body } = await request('GET', `/Users?${search}`, { signal });
        const list = body as { schemas?: unknown; Resources?: unknown[]; totalResults?: unknown };
        if (!Array.isArray(list?.schemas) || !list.schemas.includes(SCIM_LIST) || typeof list.totalResults !== 'number') {
          throw new PortierError('server', { reason: 'invalid-scim-list' });
        }
        const page = Array.isArray(list.Resources) ? list.Resources : [];
        let fresh = 0;
        for (const resource of page) {
          const record = fromScim(resource);
          if (seen.has(record.user.id)) continue;
          seen.add(record.user.id);
          records.push(record);
          fresh++;
        }
        // A server whose pages do not move on (the same users again) would be read for ever.
        if (page.length > 0 && fresh === 0) throw new PortierError('server', { reason: 'invalid-scim-list' });
        startIndex += page.length;
        if (page.length === 0 || startIndex > list.totalResults) return records;
      }
    },

    async getUser(id: string, signal?: AbortSignal): Promise<ScimRecord> {
      await discover(signal);
      const { body, etag } = await request('GET', userPath(id), { signal });
      return fromScim(body, etag);
    },

    async createUser(resource: unknown, signal?: AbortSignal): Promise<ScimRecord> {
      const { body, etag } = await request('POST', '/Users', { body: resource, signal });
      return fromScim(body, etag);
    },

    /** Applies PATCH operations to one user, guarded by If-Match. */
    async patchUser(id: string, operations: Record<string, unknown>[], ifMatch: string, signal?: AbortSignal): Promise<ScimRecord> {
      const { body, etag } = await request('PATCH', userPath(id), { body: { schemas: [SCIM_PATCH], Operations: operations }, ifMatch, signal });
      // RFC 7644 §3.5.2: a server may answer 204 No Content instead of the resource; it is then read.
      if (body === undefined) {
        const read = await request('GET', userPath(id), { signal });
        return fromScim(read.body, read.etag);
      }
      return fromScim(body, etag);
    },

    async deleteUser(id: string, ifMatch: string, signal?: AbortSignal): Promise<void> {
      await request('DELETE', userPath(id), { ifMatch, signal });
    },
  };
}

/** The SCIM client. */
export type ScimClient = ReturnType<typeof createScimClient>;
