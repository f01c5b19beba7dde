import { PortierError } from '@portier/core';
import { AttemptTimedOut, startAttempt, untilAborted } from '../internal/attempt.js';
import { DEFAULT_MAX_RESPONSE_BYTES, PayloadTooLarge, readWithin } from '../internal/read-within.js';
import { refuseRedirect } from '../internal/redirect.js';
import { entityTag, fromScim, type ScimRecord } from './scim-mapping.js';
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

/** `record` when it is the user asked for: an answer about another would be taken for this one (stored under its id, or acting as it). */
function theUser(record: ScimRecord, id: string): ScimRecord {
  if (record.user.id !== id) throw new PortierError('server', { reason: 'scim-wrong-user' });
  return record;
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
    const ifMatch = init.ifMatch === undefined ? undefined : entityTag(init.ifMatch);
    init.signal?.throwIfAborted();
    const attempt = startAttempt(timeoutMs, init.signal);
    let response: Response;
    let text: string;
    try {
      response = await attempt.within(doFetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: 'application/scim+json',
          ...(init.body === undefined ? {} : { 'content-type': 'application/scim+json' }),
          ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        redirect: 'manual',
        signal: attempt.signal,
      }));
      refuseRedirect(response);
      text = new TextDecoder().decode(await attempt.within(readWithin(response.body, maxResponseBytes, attempt.signal)));
    } catch (error) {
      if (init.signal?.aborted) throw init.signal.reason;
      if (error instanceof PortierError) throw error;
      if (error instanceof PayloadTooLarge) throw new PortierError('server', { reason: 'response-too-large', limit: maxResponseBytes });
      const cause = error instanceof AttemptTimedOut ? `timed out after ${timeoutMs} ms` : error instanceof Error ? error.message : String(error);
      throw new PortierError('network', { reason: 'scim-unreachable', cause });
    } finally {
      attempt.end();
    }
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // An error page (a proxy's text 412, an HTML sign-in page) still says what its status says.
      throw response.ok ? new PortierError('server', { reason: 'malformed-json', status: response.status }) : errorOf(response.status, undefined);
    }
    if (!response.ok) throw errorOf(response.status, body as Record<string, unknown> | undefined);
    return { body, etag: response.headers.get('etag') ?? undefined };
  }

  /** Checks once that the peer supports what the backend needs (PATCH, filters, ETags) and knows the Portier extension. */
  /** Shared by every caller until it fails: run without any caller's signal, each caller may still stop waiting. */
  function discover(signal?: AbortSignal): Promise<void> {
    discovered ??= (async () => {
      const config = (await request('GET', '/ServiceProviderConfig')).body as Record<string, { supported?: boolean }>;
      const missing = ['patch', 'filter', 'etag'].filter((feature) => config?.[feature]?.supported !== true);
      if (missing.length > 0) throw new PortierError('server', { reason: 'scim-unsupported', missing });
      await request('GET', `/Schemas/${PORTIER_EXTENSION}`).catch((error: unknown) => {
        // A peer that was not given Portier's extension: the host's set-up, not an unknown user.
        throw error instanceof PortierError && error.code === 'not-found' ? new PortierError('server', { reason: 'scim-extension-missing' }) : error;
      });
    })();
    discovered.catch(() => {
      discovered = undefined;
    });
    return untilAborted(discovered, signal);
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
        const list = body as { schemas?: unknown; Resources?: unknown; totalResults?: unknown };
        // Resources is required unless totalResults is 0 (RFC 7644 §3.4.2): read as none, users would be missing.
        const page: unknown = list?.Resources ?? (list?.totalResults === 0 ? [] : undefined);
        if (!Array.isArray(list?.schemas) || !list.schemas.includes(SCIM_LIST) || typeof list.totalResults !== 'number' || !Array.isArray(page)) {
          throw new PortierError('server', { reason: 'invalid-scim-list' });
        }
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
      return theUser(fromScim(body, etag), id);
    },

    async createUser(resource: Record<string, unknown>, signal?: AbortSignal): Promise<ScimRecord> {
      const { body, etag } = await request('POST', '/Users', { body: resource, signal });
      const record = fromScim(body, etag);
      // The new user is known by its login until the peer names its id: the answer must be about it.
      if (record.user.email.toLowerCase() !== String(resource['userName']).toLowerCase()) throw new PortierError('server', { reason: 'scim-wrong-user' });
      return record;
    },

    /** Applies PATCH operations to one user, guarded by If-Match. */
    async patchUser(id: string, operations: Record<string, unknown>[], ifMatch: string, signal?: AbortSignal): Promise<ScimRecord> {
      const { body, etag } = await request('PATCH', userPath(id), { body: { schemas: [SCIM_PATCH], Operations: operations }, ifMatch, signal });
      // RFC 7644 §3.5.2: a server may answer 204 No Content instead of the resource; it is then read.
      if (body === undefined) {
        const read = await request('GET', userPath(id), { signal });
        return theUser(fromScim(read.body, read.etag), id);
      }
      return theUser(fromScim(body, etag), id);
    },

    async deleteUser(id: string, ifMatch: string, signal?: AbortSignal): Promise<void> {
      await request('DELETE', userPath(id), { ifMatch, signal });
    },
  };
}

/** The SCIM client. */
export type ScimClient = ReturnType<typeof createScimClient>;
