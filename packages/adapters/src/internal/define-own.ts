/**
 * Sets `record[key]` as an own property. Ids come from peers: assigned plainly, a key
 * `__proto__` would replace the record's prototype instead of adding an entry.
 */
export function defineOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
