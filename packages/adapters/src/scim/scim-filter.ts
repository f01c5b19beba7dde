/**
 * A SCIM filter (RFC 7644 §3.4.2.2) kept in disjunctive normal form: a list of alternatives, each a
 * list of comparisons that must all hold. Rendered as `a and b or c and d` (`and` binds tighter), with
 * no parentheses: some servers (scimmy 1.3) misread groups nested in a longer `and` chain.
 */
export interface ScimFilter {
  readonly alternatives: readonly (readonly string[])[];
}

const compare = (operator: 'eq' | 'sw' | 'co') => (attribute: string, value: string): ScimFilter => ({
  alternatives: [[`${attribute} ${operator} ${JSON.stringify(value)}`]],
});

/** `attribute eq "value"`. */
export const eq = compare('eq');
/** `attribute sw "value"` (starts with). */
export const sw = compare('sw');
/** `attribute co "value"` (contains). */
export const co = compare('co');

/** Every part holds. */
export function and(...parts: ScimFilter[]): ScimFilter {
  let alternatives: string[][] = [[]];
  for (const part of parts) alternatives = alternatives.flatMap((left) => part.alternatives.map((right) => [...left, ...right]));
  return { alternatives };
}

/** One part holds. */
export function or(...parts: ScimFilter[]): ScimFilter {
  return { alternatives: parts.flatMap((part) => part.alternatives) };
}

/** The filter as a query string value. */
export function renderFilter(filter: ScimFilter): string {
  return filter.alternatives.map((terms) => terms.join(' and ')).join(' or ');
}
