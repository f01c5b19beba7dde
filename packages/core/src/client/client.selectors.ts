import type { Client } from './client.schema.js';

/**
 * Clients whose name, number or VAT number contains `text` (case- and space-insensitive),
 * sorted by name. Empty text matches every client.
 */
export function searchClients(clients: Iterable<Client>, text: string, limit = 50): Client[] {
  const needle = normalizeForSearch(text);
  const hits: Client[] = [];
  for (const client of clients) {
    if (
      needle === '' ||
      normalizeForSearch(client.name).includes(needle) ||
      normalizeForSearch(client.number).includes(needle) ||
      normalizeForSearch(client.vat).includes(needle)
    ) {
      hits.push(client);
    }
  }
  hits.sort((a, b) => a.name.localeCompare(b.name));
  return hits.slice(0, limit);
}

function normalizeForSearch(value: string): string {
  return value.toLowerCase().replace(/[\s.\-]/g, '');
}
