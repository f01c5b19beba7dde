import type { PortierData } from '../data.js';

/** The collections a command writes to: whole records one level down. */
export type RecordCollection = 'users' | 'grants';

/** One write: the record at `data[collection][id]` becomes `value`; `undefined` removes it. */
export type RecordWrite = readonly [collection: RecordCollection, id: string, value: unknown];

/**
 * Returns `data` with the writes applied, sharing everything they do not touch: only the root
 * and the written collections are copied (once each), then frozen. This is what immer's `produce`
 * did for these writes, without its 3.5 KiB in every host page: Portier only ever replaces whole
 * records one level down, so there is never a nested draft to track.
 * Returns `data` itself when there is nothing to write.
 */
export function writeRecords(data: PortierData, writes: Iterable<RecordWrite>): PortierData {
  let copies: Partial<Record<RecordCollection, Record<string, unknown>>> | undefined;
  for (const [collection, id, value] of writes) {
    copies ??= {};
    const records = (copies[collection] ??= { ...data[collection] });
    if (value === undefined) delete records[id];
    else records[id] = value;
  }
  if (!copies) return data;
  for (const records of Object.values(copies)) Object.freeze(records);
  return Object.freeze({ ...data, ...copies }) as PortierData;
}
