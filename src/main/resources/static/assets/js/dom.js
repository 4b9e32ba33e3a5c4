// DOM helpers: every piece of user data goes into the page as text (textContent / attributes), never as HTML.

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

/** Digits grouped by thousands, every digit kept: "250000000.00" → "250,000,000.00". Never goes through a float. */
export function groupDigits(value) {
  if (value === null || value === undefined || value === '') return '';
  const text = String(value);
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) return text;
  return match[1] + match[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (match[3] || '');
}

/** Money as the API gives it, with its currency: {amount:"1500000.00", currency:"USD"} → "USD 1,500,000.00". */
export function money(amount, currency) {
  if (amount && typeof amount === 'object') return money(amount.amount, amount.currency);
  if (amount === null || amount === undefined) return '—';
  return `${currency || ''} ${groupDigits(amount)}`.trim();
}

/** Today's date in the browser's calendar, ISO-8601. */
export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from ISO date a to ISO date b. */
export function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

/** A link only for http(s) URLs and paths on this server; anything else stays text. */
export function safeLink(url, text) {
  if (!url) return null;
  const value = String(url);
  if (/^https?:\/\//i.test(value) || (value.startsWith('/') && !value.startsWith('//'))) {
    return h('a', { href: value, rel: 'noopener noreferrer', target: '_blank' }, text || value);
  }
  return h('span', {}, text || value);
}

export const STAGES = ['PROPOSED', 'AGREED', 'FINANCED', 'IMPLEMENTATION', 'SUSPENDED', 'COMPLETED', 'CANCELLED'];

export function stageName(stage) {
  return stage ? stage.charAt(0) + stage.slice(1).toLowerCase() : '';
}

export const IATI_STATUS = {
  1: 'Pipeline/identification', 2: 'Implementation', 3: 'Finalisation', 4: 'Closed', 5: 'Cancelled', 6: 'Suspended',
};

export const SOURCES = {
  EXIMBANK: 'Korea Eximbank', KOICA_GRANT: 'KOICA grant', PRIVATE_INVESTMENT: 'Private investment',
  UZBEK_BUDGET: 'Uzbek budget', OTHER: 'Other',
};

export function sourceName(code) {
  return SOURCES[code] || code;
}

/** A stage badge. */
export function stageBadge(stage) {
  return h('span', { class: `badge stage-${String(stage).toLowerCase()}` }, stageName(stage));
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
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption || options.label || 'Table' }, t);
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
