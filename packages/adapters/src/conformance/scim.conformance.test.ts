import { demoSeed } from '../memory/demo-seed.js';
import { createMemoryBackend } from '../memory/memory-backend.js';
import { createScimBackend } from '../scim/scim-backend.js';
import { toScim } from '../scim/scim-mapping.js';
import { ScimUserStore, startScimPeer } from '../scim/scim-peer.js';
import { runConformance } from './run-conformance.js';

runConformance({
  name: 'SCIM client → scimmy + express on 127.0.0.1 (catalogue from a memory fallback)',
  capabilities: { audit: false, session: false },
  create: async () => {
    const seed = demoSeed(Date.now());
    const store = new ScimUserStore();
    for (const user of Object.values(seed.data.users)) store.seed(user.id, toScim(user, seed.data.grants[user.id] ?? []), user.createdAt);
    const peer = await startScimPeer({ store });
    const backend = createScimBackend({ baseUrl: peer.url, token: peer.token, fallback: createMemoryBackend() });
    return { backend, close: () => peer.close() };
  },
});
