/**
 * `record[key]` when `key` is one of the record's own keys. Ids come from requests: looked up
 * plainly, `constructor` or `__proto__` would find what every object inherits.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
