// DOM helpers: every piece of user data goes into the page as text (textContent / attributes), never as HTML.
import { t as translate, language, formatMoney, formatDecimal, formatInstant, today as todayInBusinessZone } from './i18n.js';
import { stageName, sectorCategoryName } from './labels.js';

/**
 * Creates an element. attrs: class, text, dataset {}, on {event: handler}, hidden, and any attribute (aria-*, href…);
 * a null/undefined/false attribute is left out. children: nodes, strings (as text), arrays, null (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'on') for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** A unique id for labels and aria references. */
let counter = 0;
export function uid(prefix = 'id') {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Money exactly as recorded, with its currency, in the page's language (see i18n.formatMoney). */
export const money = formatMoney;

/** Today's date where the server applies its date rules, ISO-8601. */
export const today = todayInBusinessZone;

/** A count or a decimal with the language's separators, every digit kept. */
export const groupDigits = formatDecimal;

/** Whole days from ISO date a to ISO date b. */
export function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

/** A link only for http(s) URLs and paths on this server; anything else stays text. */
export function safeLink(url, text) {
  if (!url) return null;
  const value = String(url);
  if (/^https?:\/\//i.test(value) || (value.startsWith('/') && !value.startsWith('//'))) {
    return h('a', { href: value, rel: 'noopener noreferrer', target: '_blank', translate: text ? null : 'no' }, text || value);
  }
  return h('span', { translate: text ? null : 'no' }, text || value);
}

/** A stage badge. */
export function stageBadge(stage) {
  return h('span', { class: `badge stage-${String(stage).toLowerCase()}`, dataset: { stage } }, stageName(stage));
}

/**
 * Text recorded by people (titles, names, ids, reasons): shown as it was written, marked translate="no" so
 * translation tools and the language checks leave it alone.
 */
export function data(value, tag = 'span', attrs = {}) {
  return h(tag, { ...attrs, translate: 'no' }, value === null || value === undefined || value === '' ? '—' : String(value));
}

/**
 * A DAC sector: its name in English; in another language the translated 3-digit category and the 5-digit name in
 * English, marked lang="en" and tagged EN.
 */
export function sectorLabel(code, englishName, attrs = {}) {
  const name = englishName || code || '—';
  if (language() === 'en' || !code) return h('span', { ...attrs, class: `sector ${attrs.class || ''}`.trim() }, name);
  return h('span', { ...attrs, class: `sector ${attrs.class || ''}`.trim() },
    sectorCategoryName(String(code).slice(0, 3)), ': ',
    h('span', { lang: 'en', translate: 'no' }, name), ' ',
    h('abbr', { class: 'lang-tag', lang: 'en', translate: 'no', title: translate('ui.common.englishOnly') }, translate('ui.common.englishTag')));
}

/** An instant in the user's time zone (minutes; seconds in the tooltip), with the exact value in datetime. */
export function instant(iso) {
  if (!iso) return '—';
  return h('time', { datetime: iso, title: formatInstant(iso, { seconds: true }) }, formatInstant(iso));
}

/** A table in a horizontally scrolling wrapper: columns [{label, value(row) → node|string, class}] */
export function table(caption, columns, rows, options = {}) {
  const t = h('table', { class: options.class || 'data' },
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.class }, c.label)))),
    h('tbody', {}, rows.map((row) => {
      const tr = h('tr', { class: options.rowClass ? options.rowClass(row) : null },
        columns.map((c) => h('td', { class: c.class, 'data-label': c.label }, c.value(row))));
      return tr;
    })));
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption || options.label || translate('ui.common.table') }, t);
}

/** Exact sum of decimal strings/numbers (no float): sumDecimals(["1.10", "2.5"]) → "3.60". */
export function sumDecimals(values) {
  const parts = values.filter((v) => v !== null && v !== undefined && v !== '').map((v) => String(v));
  const scale = Math.max(0, ...parts.map((v) => (v.split('.')[1] || '').length));
  let total = 0n;
  for (const v of parts) {
    const negative = v.startsWith('-');
    const [whole, fraction = ''] = v.replace('-', '').split('.');
    const units = BigInt(whole + fraction.padEnd(scale, '0'));
    total += negative ? -units : units;
  }
  const sign = total < 0n ? '-' : '';
  const digits = (total < 0n ? -total : total).toString().padStart(scale + 1, '0');
  return scale ? `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}` : `${sign}${digits}`;
}
