import type { PortierData } from '../data.js';

/** The collections a command writes to: whole records one level down. */
export type RecordCollection = 'users' | 'grants';

/** One write: the record at `data[collection][id]` becomes `value`; `undefined` removes it. */
export type RecordWrite = readonly [collection: RecordCollection, id: string, value: unknown];

/** Each written collection's origin (see {@link originOf}), held weakly on both sides: a chain of writes keeps no old record alive. */
const origins = new WeakMap<object, { base: WeakRef<object>; ids: string[] }>();

/**
 * Returns `data` with the writes applied, sharing everything they do not touch: only the root
 * and the written collections are copied (once each), then frozen. This is what immer's `produce`
 * did for these writes, without its 3.5 KiB in every host page: Portier only ever replaces whole
 * records one level down, so there is never a nested draft to track.
 * Returns `data` itself when there is nothing to write.
 */
export function writeRecords(data: PortierData, writes: Iterable<RecordWrite>): PortierData {
  let copies: Partial<Record<RecordCollection, Record<string, unknown>>> | undefined;
  const written: Partial<Record<RecordCollection, string[]>> = {};
  for (const [collection, id, value] of writes) {
    copies ??= {};
    const records = (copies[collection] ??= { ...data[collection] });
    if (value === undefined) delete records[id];
    // Defined, not assigned: an id from a peer may be `__proto__`, which must stay a key.
    else Object.defineProperty(records, id, { value, enumerable: true, writable: true, configurable: true });
    (written[collection] ??= []).push(id);
  }
  if (!copies) return data;
  for (const collection of Object.keys(copies) as RecordCollection[]) {
    const records = Object.freeze(copies[collection]!);
    origins.set(records, { base: new WeakRef(data[collection]), ids: written[collection]! });
  }
  return Object.freeze({ ...data, ...copies }) as PortierData;
}

/** Where a collection written by {@link writeRecords} came from: the record it copied, and the ids written. */
export interface RecordOrigin {
  base: object;
  ids: readonly string[];
}

/**
 * The record `records` was written from and the ids that differ, while that record is still
 * alive: lets a memoized selector update what it built for the old record instead of starting
 * over (see `selectUsers`). Undefined for a record that no write made, or whose origin is gone.
 */
export function originOf(records: object): RecordOrigin | undefined {
  const origin = origins.get(records);
  const base = origin?.base.deref();
  return base && { base, ids: origin!.ids };
}
