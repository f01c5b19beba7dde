import type { Server } from 'node:http';
import express from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';
import { PortierUserSchema } from './portier-scim-schema.js';
import { PORTIER_EXTENSION } from './scim-urns.js';

/** One stored SCIM user: its attributes, and the revision its weak ETag names. */
interface StoredUser {
  attributes: Record<string, unknown>;
  revision: number;
  created: string;
  lastModified: string;
}

/** What each request's handlers see: the peer's store and the request's preconditions. */
interface PeerContext {
  peer: ScimUserStore;
  ifMatch: string | undefined;
}

/** A running SCIM 2.0 peer for tests. */
export interface ScimPeer {
  /** Base URL of the SCIM endpoints, e.g. `http://127.0.0.1:4321/scim/v2`. */
  url: string;
  token: string;
  store: ScimUserStore;
  close(): Promise<void>;
}

const SCIM_ERROR = SCIMMY.Types.Error;

/** The peer's users, in memory: ids, revisions, uniqueness of userName, If-Match. */
export class ScimUserStore {
  readonly users = new Map<string, StoredUser>();
  #sequence = 0;

  /** Seeds a user as given (the id kept), at revision 0. */
  seed(id: string, attributes: Record<string, unknown>, at = new Date().toISOString()): void {
    this.users.set(id, { attributes, revision: 0, created: at, lastModified: at });
  }

  resource(id: string, stored: StoredUser): Record<string, unknown> {
    return { ...stored.attributes, id, meta: { resourceType: 'User', created: stored.created, lastModified: stored.lastModified, version: `W/"${stored.revision}"` } };
  }

  #precondition(id: string, ifMatch: string | undefined): StoredUser {
    const stored = this.users.get(id);
    if (!stored) throw new SCIM_ERROR(404, null as never, `Resource ${id} not found`);
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== `W/"${stored.revision}"`) throw new SCIM_ERROR(412, null as never, 'The resource changed (ETag mismatch)');
    return stored;
  }

  write(id: string | undefined, instance: Record<string, unknown>, ifMatch: string | undefined): Record<string, unknown> {
    const attributes = JSON.parse(JSON.stringify({ ...instance, id: undefined, meta: undefined, schemas: undefined })) as Record<string, unknown>;
    const userName = String(attributes['userName'] ?? '').toLowerCase();
    for (const [otherId, other] of this.users) {
      if (otherId !== id && String(other.attributes['userName'] ?? '').toLowerCase() === userName) throw new SCIM_ERROR(409, 'uniqueness', 'userName is already taken');
    }
    const now = new Date().toISOString();
    if (id === undefined) {
      const newId = `scim-${(++this.#sequence).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const stored = { attributes, revision: 0, created: now, lastModified: now };
      this.users.set(newId, stored);
      return this.resource(newId, stored);
    }
    const current = this.#precondition(id, ifMatch);
    const stored = { attributes, revision: current.revision + 1, created: current.created, lastModified: now };
    this.users.set(id, stored);
    return this.resource(id, stored);
  }

  read(id: string | undefined, filter: { match(values: unknown[]): unknown[] } | undefined): Record<string, unknown> | Record<string, unknown>[] {
    if (id !== undefined) {
      const stored = this.users.get(id);
      if (!stored) throw new SCIM_ERROR(404, null as never, `Resource ${id} not found`);
      return this.resource(id, stored);
    }
    const all = [...this.users].map(([userId, stored]) => this.resource(userId, stored));
    if (!filter) return all;
    const matched = new Set((filter.match(all.map(candidate)) as { id: string }[]).map((entry) => entry.id));
    return all.filter((resource) => matched.has(resource['id'] as string));
  }

  remove(id: string, ifMatch: string | undefined): void {
    this.#precondition(id, ifMatch);
    this.users.delete(id);
  }
}

/**
 * What a filter is matched against: scimmy's matcher compares case-sensitively and looks extension
 * attributes up by their full `urn:…:attribute` name, so the host lower-cases the attributes that are
 * not case-exact (userName, e-mails) and flattens extension attributes (RFC 7644 §3.4.2.2 semantics).
 */
function candidate(resource: Record<string, unknown>): Record<string, unknown> {
  const flat: Record<string, unknown> = { name: {}, emails: [], [`${PORTIER_EXTENSION}:grants`]: [], [`${PORTIER_EXTENSION}:managedClients`]: [] };
  for (const [key, value] of Object.entries(resource)) {
    if (key.startsWith('urn:') && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [attribute, inner] of Object.entries(value)) flat[`${key}:${attribute}`] = inner;
    } else flat[key] = value;
  }
  if (typeof flat['userName'] === 'string') flat['userName'] = flat['userName'].toLowerCase();
  if (Array.isArray(flat['emails'])) flat['emails'] = (flat['emails'] as { value?: string }[]).map((email) => ({ ...email, value: email.value?.toLowerCase() }));
  return flat;
}

let declared = false;

/** Declares the User resource with the enterprise and Portier extensions (SCIMMY is a singleton: once per process). */
function declareUsers(): void {
  if (declared) return;
  declared = true;
  SCIMMY.Resources.declare(SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false).extend(PortierUserSchema as never, false))
    .ingress((resource, instance, ctx: PeerContext) => ctx.peer.write(resource.id, instance as never, ctx.ifMatch) as never)
    .egress((resource, ctx: PeerContext) => ctx.peer.read(resource.id, resource.filter as never) as never)
    .degress((resource, ctx: PeerContext) => ctx.peer.remove(resource.id!, ctx.ifMatch));
}

/**
 * Starts a real SCIM 2.0 server on 127.0.0.1 (a free port) built with scimmy + scimmy-routers +
 * express, with what those leave to the host: weak ETags and If-Match (412 on a stale one), numeric
 * `startIndex` / `count`, userName uniqueness, bearer-token authentication. For tests and demos.
 */
export async function startScimPeer(options: { token?: string; store?: ScimUserStore } = {}): Promise<ScimPeer> {
  declareUsers();
  const token = options.token ?? `peer-${Math.random().toString(36).slice(2)}`;
  const store = options.store ?? new ScimUserStore();
  const app = express();
  app.set('etag', false);
  app.use((request, response, next) => {
    // Express 5 recomputes req.query on each read; scimmy wants numbers for paging.
    const query: Record<string, unknown> = { ...(request.query as Record<string, unknown>) };
    for (const key of ['startIndex', 'count']) if (typeof query[key] === 'string' && /^\d+$/.test(query[key] as string)) query[key] = Number(query[key]);
    Object.defineProperty(request, 'query', { value: query, writable: true, configurable: true });
    const json = response.json.bind(response);
    response.json = (body: unknown) => {
      const version = (body as { meta?: { version?: unknown } } | null)?.meta?.version;
      if (typeof version === 'string' && (body as { meta?: { resourceType?: unknown } }).meta?.resourceType === 'User') response.setHeader('ETag', version);
      return json(body);
    };
    next();
  });
  const router = new SCIMMYRouters({
    type: 'bearer',
    handler: (request) => {
      if (request.header('authorization') !== `Bearer ${token}`) throw new Error('Authorization failed');
      return 'portier-scim-client';
    },
    context: (request): PeerContext => ({ peer: store, ifMatch: request.header('if-match') ?? undefined }),
  });
  SCIMMY.Config.set({ etag: true, sort: true, filter: { supported: true, maxResults: 1000 }, patch: true });
  app.use('/scim/v2', router);
  const server: Server = await new Promise((resolve) => {
    const started = app.listen(0, '127.0.0.1', () => resolve(started));
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/scim/v2`,
    token,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

