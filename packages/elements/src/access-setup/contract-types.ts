import type { Level, PortierData } from '@portier/core';
import type { Messages } from '../localize/messages.js';

/**
 * The label of a contract type: the locale's name for a known type (`supply`, `services`), and for
 * any other (a host defines its own types) the type itself, quoted.
 */
export function contractTypeLabel(t: Messages, type: string): string {
  const known: Partial<Record<string, string>> = t.userCreate.contractTypes;
  // Own keys only: a type named "constructor" or "toString" is a host's type, not a prototype member.
  return Object.hasOwn(known, type) ? known[type]! : t.userCreate.contractType(type);
}

/** The contract types of an organization's contracts, each once, sorted: one "authorize all" choice each. */
export function organizationContractTypes(data: PortierData, organizationId: string): string[] {
  const types = Object.values(data.contracts)
    .filter((contract) => contract.organizationId === organizationId)
    .map((contract) => contract.type);
  return [...new Set(types)].sort();
}

/** One level per type: the one chosen, else `full` (what "authorize all" offers first). */
export function levelPerType(types: Iterable<string>, chosen: Readonly<Record<string, Level>>): Record<string, Level> {
  return Object.fromEntries([...types].map((type) => [type, chosen[type] ?? 'full']));
}
