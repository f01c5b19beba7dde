import * as z from 'zod/mini';
import { countSchema, integerSchema } from '../internal/common-schemas.js';
import type { PortierData } from '../data.js';
import { originOf } from '../internal/write-records.js';
import type { Grant } from '../grant/grant.schema.js';
import { effectiveStatus, nextTimedChange } from './user.machine.js';
import { accountStatusSchema, roleSchema, userKindSchema, type AccountStatus, type Role, type User, type UserKind } from './user.schema.js';
import { own } from '../internal/own.js';

/** Columns the user list sorts by. */
export const USER_SORT_KEYS = ['email', 'firstName', 'lastName', 'language', 'role', 'status', 'kind', 'activeUntil', 'managedClients', 'createdAt'] as const;
export type UserSortKey = (typeof USER_SORT_KEYS)[number];

/** A sort: a column and a direction. */
export interface UserSort {
  key: UserSortKey;
  direction: 'asc' | 'desc';
}

/** Filters of the user list (seed 000 §4.3), all optional, combined with "and". */
export interface UserQuery {
  /** Substring of the e-mail, case-insensitive. */
  email?: string | undefined;
  /** Users working for this client: managing it or holding a right on it. */
  clientId?: string | undefined;
  role?: Role | undefined;
  /** Compared with the effective status (active-until and expiry applied). */
  status?: AccountStatus | undefined;
  kind?: UserKind | undefined;
  /** Default: e-mail ascending. */
  sort?: UserSort | undefined;
  /** Paging, for backends: first index and page size. */
  offset?: number | undefined;
  limit?: number | undefined;
}

/** Validates a user query from outside (a URL, a request body). */
export const userQuerySchema = z.object({
  email: z.optional(z.string().check(z.maxLength(254))),
  clientId: z.optional(z.string()),
  role: z.optional(roleSchema),
  status: z.optional(accountStatusSchema),
  kind: z.optional(userKindSchema),
  sort: z.optional(z.object({ key: z.enum(USER_SORT_KEYS), direction: z.enum(['asc', 'desc']) })),
  offset: z.optional(countSchema),
  limit: z.optional(integerSchema(1, 1000)),
});

/** The slice of state the selectors read: the data and the time. */
export interface SelectorState {
  data: PortierData;
  now: number;
}

/**
 * A key that sorts with plain `<`: lower-cased, accents folded ("Émile" sorts with "emile"),
 * digit runs padded so that "user10" follows "user9", and `@` lowest so that a local part sorts
 * before its longer variants ("ann@" before "ann2@"). Computed once per user and column, it
 * keeps sorting 100,000 users far cheaper than calling `Intl.Collator` in every comparison.
 */
function textKey(value: string): string {
  const lower = fold(value);
  const padded = DIGIT.test(lower) ? lower.replace(/\d+/g, padDigits) : lower;
  return padded.includes('@') ? padded.replaceAll('@', '\u0001') : padded;
}

/**
 * {@link textKey} of many values at once: the same steps, each run once over the values joined
 * by a line feed (none of the steps reaches across one), then split again. A few native string
 * operations instead of several per value: the first sort of 100,000 e-mails costs a fraction.
 */
function textKeys(values: string[]): string[] {
  let joined = fold(values.join('\n'));
  if (DIGIT.test(joined)) joined = joined.replace(/\d+/g, padDigits);
  const keys = joined.replaceAll('@', '\u0001').split('\n');
  // A value holding a line feed would shift the split: then key each value on its own.
  return keys.length === values.length ? keys : values.map(textKey);
}

/**
 * Lower case without accents, for sorting and for the e-mail filter alike: "Émile" is "emile",
 * "Weiß" is "weiss", "İlker" and "Yılmaz" are "ilker" and "yilmaz". ASCII (nearly every e-mail
 * and most names) has nothing to fold: it skips the Unicode steps.
 */
function fold(value: string): string {
  if (!NON_ASCII.test(value)) return value.toLowerCase();
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ß/g, 'ss').replace(/ı/g, 'i');
}

const NON_ASCII = /[^\u0000-\u007f]/;
const DIGIT = /\d/;
const ZEROS = '000000000000';
const padDigits = (digits: string) => (digits.length >= 12 ? digits : ZEROS.slice(digits.length) + digits);

function sortValue(user: User, key: UserSortKey, now: number): string | number {
  switch (key) {
    case 'status':
      return effectiveStatus(user, now);
    case 'managedClients':
      return user.managedClientIds.length;
    case 'activeUntil':
      return user.activeUntil ?? '9999-12-31';
    case 'email':
    case 'firstName':
    case 'lastName':
      return textKey(user[key]);
    default:
      return user[key];
  }
}

/** Per users-record caches: folded e-mails, and each sort order computed once. */
interface UserIndex {
  all: User[];
  /**
   * E-mails in lower case without accents ({@link fold}), made on the first filter or tie (a first
   * render sorted by e-mail needs neither). An ASCII e-mail already in lower case costs no new string.
   */
  emails: string[] | undefined;
  orders: Map<string, Uint32Array>;
  /**
   * When each order by status holds: statuses change with time (an invitation runs out, an
   * active-until day passes), so such an order is sorted again once `now` leaves [from, until).
   */
  statusSpans: Map<string, { from: number; until: number }>;
  /**
   * Per sort order: the folded e-mails joined by line feeds, with where each starts. A full
   * scan is then a few `indexOf` calls over one string (jumping from match to match) instead of
   * one `includes` per user.
   */
  orderedEmails: Map<string, { text: string; starts: Uint32Array }>;
}

const indexes = new WeakMap<object, UserIndex>();
const clientMembers = new WeakMap<object, Map<string, Set<string>>>();

function indexOf(users: Record<string, User>, now: number): UserIndex {
  let index = indexes.get(users);
  if (!index) {
    index = updatedIndex(users, now) ?? { all: Object.values(users), emails: undefined, orders: new Map(), orderedEmails: new Map(), statusSpans: new Map() };
    indexes.set(users, index);
  }
  return index;
}

function emailsOf(index: UserIndex): string[] {
  let emails = index.emails;
  if (!emails) {
    const all = index.all;
    emails = new Array<string>(all.length);
    for (let i = 0; i < all.length; i++) emails[i] = fold(all[i]!.email);
    index.emails = emails;
  }
  return emails;
}

/**
 * The order of two users (by position in `index.all`) given their sort values: the value, then
 * the folded e-mail, then the id, so that an order updated one user at a time equals one sorted
 * from scratch. (Not the position: two e-mails can fold alike, `é@…` and `e@…`, and a user written
 * back keeps its position in an updated index but not in the record's key order.)
 */
function compareUsers(index: UserIndex, sign: number, a: number, va: string | number, b: number, vb: string | number): number {
  if (va !== vb) return sign * (va < vb ? -1 : 1);
  const emails = emailsOf(index);
  const ea = emails[a]!;
  const eb = emails[b]!;
  if (ea !== eb) return ea < eb ? -1 : 1;
  const ia = index.all[a]!.id;
  const ib = index.all[b]!.id;
  return ia === ib ? 0 : ia < ib ? -1 : 1;
}

function orderOf(index: UserIndex, sort: UserSort, now: number): Uint32Array {
  const key = `${sort.key}:${sort.direction}`;
  let order = index.orders.get(key);
  const span = index.statusSpans.get(key);
  if (span && (now < span.from || now >= span.until)) {
    order = undefined;
    index.orderedEmails.delete(key);
  }
  if (!order) {
    const all = index.all;
    const count = all.length;
    const positions = new Array<number>(count);
    for (let i = 0; i < count; i++) positions[i] = i;
    let values: (string | number)[];
    if (sort.key === 'email' || sort.key === 'firstName' || sort.key === 'lastName') {
      const texts = new Array<string>(count);
      for (let i = 0; i < count; i++) texts[i] = all[i]![sort.key as 'email' | 'firstName' | 'lastName'];
      values = textKeys(texts);
    } else {
      values = new Array<string | number>(count);
      for (let i = 0; i < count; i++) values[i] = sortValue(all[i]!, sort.key, now);
    }
    if (sort.key === 'status') {
      let until = Infinity;
      for (let i = 0; i < count; i++) until = Math.min(until, nextTimedChange(all[i]!, now));
      index.statusSpans.set(key, { from: now, until });
    }
    const sign = sort.direction === 'asc' ? 1 : -1;
    positions.sort((a, b) => compareUsers(index, sign, a, values[a]!, b, values[b]!));
    order = Uint32Array.from(positions);
    index.orders.set(key, order);
  }
  return order;
}

/**
 * The index of a users record that a command wrote from an indexed one, updated for the few
 * users the command changed instead of built again: each sorted order drops those users and
 * takes them back in by binary search. After a command at 100,000 users that is a few
 * milliseconds instead of sorting everyone again. Undefined when the old record (or its index)
 * is gone, when a user was removed, or when many users changed at once.
 */
function updatedIndex(users: Record<string, User>, now: number): UserIndex | undefined {
  const origin = originOf(users);
  if (!origin || origin.ids.length > 64) return undefined;
  const base = origin.base as Record<string, User>;
  const previous = indexes.get(base);
  if (!previous) return undefined;
  const all = previous.all.slice();
  const index: UserIndex = { all, emails: previous.emails?.slice(), orders: new Map(), orderedEmails: new Map(), statusSpans: new Map() };
  const changed = new Set<number>();
  for (const id of new Set(origin.ids)) {
    const before = base[id];
    const after = users[id];
    // A removal would leave a hole in `all` that every order had to skip: removals are rare, sort again.
    if (after === undefined) return undefined;
    let position = before ? all.indexOf(before) : -1;
    if (position < 0) position = all.push(after) - 1;
    else all[position] = after;
    if (index.emails) index.emails[position] = fold(after.email);
    changed.add(position);
  }
  for (const [key, previousOrder] of previous.orders) {
    const [sortKey, direction] = key.split(':') as [UserSortKey, string];
    const span = previous.statusSpans.get(key);
    if (span) {
      // An order by status outlived by time is sorted again when asked; one still true takes the changed users in.
      if (now < span.from || now >= span.until) continue;
      let until = span.until;
      for (const position of changed) until = Math.min(until, nextTimedChange(all[position]!, now));
      index.statusSpans.set(key, { from: now, until });
    }
    const sign = direction === 'asc' ? 1 : -1;
    const valueAt = (position: number) => sortValue(all[position]!, sortKey, now);
    let order = previousOrder.filter((position) => !changed.has(position));
    for (const position of changed) {
      const value = valueAt(position);
      let low = 0;
      let high = order.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compareUsers(index, sign, order[middle]!, valueAt(order[middle]!), position, value) < 0) low = middle + 1;
        else high = middle;
      }
      const grown = new Uint32Array(order.length + 1);
      grown.set(order.subarray(0, low));
      grown[low] = position;
      grown.set(order.subarray(low), low + 1);
      order = grown;
    }
    index.orders.set(key, order);
  }
  return index;
}

/** User ids holding a right above `none` on each client (cached per grants record). */
function membersOf(grants: Record<string, Grant[]>): Map<string, Set<string>> {
  let members = clientMembers.get(grants);
  if (!members) {
    members = new Map();
    for (const [userId, list] of Object.entries(grants)) {
      for (const grant of list) {
        if (grant.level === 'none') continue;
        let set = members.get(grant.clientId);
        if (!set) members.set(grant.clientId, (set = new Set()));
        set.add(userId);
      }
    }
    clientMembers.set(grants, members);
  }
  return members;
}

function orderedEmailsOf(index: UserIndex, sort: UserSort, order: Uint32Array): { text: string; starts: Uint32Array } {
  const key = `${sort.key}:${sort.direction}`;
  let ordered = index.orderedEmails.get(key);
  if (!ordered) {
    const emails = emailsOf(index);
    const parts = new Array<string>(order.length);
    const starts = new Uint32Array(order.length + 1);
    let offset = 0;
    for (let rank = 0; rank < order.length; rank++) {
      const email = emails[order[rank]!]!;
      parts[rank] = email;
      starts[rank] = offset;
      offset += email.length + 1;
    }
    starts[order.length] = offset;
    ordered = { text: parts.join('\n'), starts };
    index.orderedEmails.set(key, ordered);
  }
  return ordered;
}

/** The ranks (positions in the sort order) whose e-mail contains `needle`, in order. */
function ranksContaining(ordered: { text: string; starts: Uint32Array }, needle: string): Uint32Array {
  const { text, starts } = ordered;
  const last = starts.length - 1;
  const ranks = new Uint32Array(last);
  let count = 0;
  // Matches come left to right, so the e-mail holding each one is found by moving forward
  // through `starts`: the whole scan walks that array once, whatever the number of matches.
  let rank = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, starts[rank]!)) {
    while (starts[rank + 1]! <= at) rank++;
    ranks[count++] = rank++;
    if (rank >= last) break;
  }
  return ranks.subarray(0, count);
}

/**
 * The users that match `query`, sorted (default: e-mail ascending). Pure and memoized on the
 * users record: each column is sorted once, and an e-mail filter is a few `indexOf` calls over
 * the joined e-mails of that order, so every keystroke costs the same short scan (no cache of
 * the previous keystroke's hits: re-checking them was slower whenever they were many).
 * @example selectUsers(portier.getState(), { email: 'dupont', clientId: 'c-1', sort: { key: 'lastName', direction: 'asc' } })
 */
export function selectUsers(state: SelectorState, query: UserQuery = {}): User[] {
  const { data, now } = state;
  const index = indexOf(data.users, now);
  const sort = query.sort ?? { key: 'email', direction: 'asc' };
  const needle = fold((query.email ?? '').trim());
  const order = orderOf(index, sort, now);
  const members = query.clientId ? membersOf(data.grants).get(query.clientId) : undefined;
  // A line feed never occurs in an e-mail but joins them in the scanned text: such a needle is checked per e-mail.
  const scan = needle !== '' && !needle.includes('\n');
  const ranks = scan ? ranksContaining(orderedEmailsOf(index, sort, order), needle) : undefined;
  const emails = needle !== '' && !scan ? emailsOf(index) : undefined;
  const length = ranks ? ranks.length : order.length;
  const users = new Array<User>(length);
  const all = index.all;
  if (!emails && !query.role && !query.kind && !query.clientId && !query.status) {
    // Only the e-mail filter (or none): every rank found is a row.
    if (ranks) for (let i = 0; i < length; i++) users[i] = all[order[ranks[i]!]!]!;
    else for (let i = 0; i < length; i++) users[i] = all[order[i]!]!;
    return users;
  }
  let count = 0;
  for (let i = 0; i < length; i++) {
    const position = order[ranks ? ranks[i]! : i]!;
    if (emails && !emails[position]!.includes(needle)) continue;
    const user = all[position]!;
    if (query.role && user.role !== query.role) continue;
    if (query.kind && user.kind !== query.kind) continue;
    if (query.clientId && !members?.has(user.id) && !user.managedClientIds.includes(query.clientId)) continue;
    if (query.status && effectiveStatus(user, now) !== query.status) continue;
    users[count++] = user;
  }
  users.length = count;
  return users;
}

/** One page of {@link selectUsers}: what a backend answers to `listUsers`. */
export function selectUserPage(state: SelectorState, query: UserQuery): { items: User[]; total: number; offset: number } {
  const all = selectUsers(state, query);
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 50;
  return { items: all.slice(offset, offset + limit), total: all.length, offset };
}

/** The user with this id, if the state holds it. */
export function selectUser(state: SelectorState, userId: string): User | undefined {
  return own(state.data.users, userId);
}

/** The user's grants (empty when none). */
export function selectGrants(state: SelectorState, userId: string): Grant[] {
  return own(state.data.grants, userId) ?? [];
}
