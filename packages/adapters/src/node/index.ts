/**
 * @portier/adapters/node: serving the REST contract from Node's own HTTP server. Kept out of the
 * main entry, which browsers load, because it imports `node:` modules.
 */
export { toNodeListener, type FetchHandler } from './node-listener.js';
