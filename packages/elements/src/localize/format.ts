import type { Language } from '@portier/core';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

/** A `YYYY-MM-DD` day (or an ISO instant) as the locale writes dates; '' for none. */
export function formatDate(locale: Language, value: string | number | undefined, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  if (value === undefined || value === '') return '';
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options })));
  const date = typeof value === 'number' ? new Date(value) : new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? '' : format.format(date);
}

/** A number as the locale writes it. */
export function formatNumber(locale: Language, value: number, options: Intl.NumberFormatOptions = {}): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format.format(value);
}

/** Names joined as the locale joins them ("A, B and C", "A, B et C"). */
export function formatList(locale: Language, items: readonly string[]): string {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return format.format(items);
}
