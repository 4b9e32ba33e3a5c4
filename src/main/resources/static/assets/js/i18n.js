// Languages: the message catalogue (GET /api/i18n/messages), t(key, params), and the formats of numbers, money,
// dates and instants in the chosen language and time zone. Every text a page shows comes through here.

/** The supported languages, in the order the switch lists them. */
export const LANGUAGES = ['en', 'uz', 'ru', 'ko'];
const LANGUAGE_KEY = 'tracker.language';
const ZONE_KEY = 'tracker.timeZone';
const COOKIE = 'tracker-lang';
/** Wraps a key the catalogue lacks: a missing translation shows as ⟦key⟧ (and the browser tests look for it). */
export const MISSING_OPEN = '⟦';
const MISSING_CLOSE = '⟧';
/** Currencies shown without minor units (unless an amount has a fraction: money is shown exactly). */
const NO_MINOR_UNITS = new Set(['UZS', 'KRW']);

const state = {
  loaded: false,
  lang: 'en',
  messages: {},
  fallback: new Set(),
  languages: [],
  zone: 'Asia/Tashkent',
  defaultZone: 'Asia/Tashkent',
  zones: ['Asia/Tashkent'],
  businessZone: 'Asia/Tashkent',
  currencies: ['USD'],
};
let plurals = new Intl.PluralRules('en');
let separators = null;

/** What was wrong with the texts of this page: keys without any text, keys shown in English (read by tests). */
const report = { missing: [], fallback: [] };
window.__i18n = report;

function readStore(key) {
  try {
    return window.localStorage.getItem(key);
  } catch (e) {
    return null; // storage switched off: the cookie still holds the language
  }
}

function writeStore(key, value) {
  try {
    window.localStorage.setItem(key, value);
  } catch (e) {
    // storage switched off
  }
}

/** The supported language of a tag ("ru-RU" → "ru"), or null. */
export function supported(tag) {
  const code = String(tag || '').toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.includes(code) ? code : null;
}

/** The language this browser chose before (localStorage, else the cookie), or null. */
export function storedLanguage() {
  const cookie = document.cookie.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${COOKIE}=`));
  return supported(readStore(LANGUAGE_KEY)) || (cookie ? supported(decodeURIComponent(cookie.slice(COOKIE.length + 1))) : null);
}

/** The time zone this browser chose before, or null. */
export function storedZone() {
  const zone = readStore(ZONE_KEY);
  return zone && isZone(zone) ? zone : null;
}

/** Remembers a choice in this browser: localStorage, and the language also in a cookie the server can read. */
export function rememberInBrowser(language, zone) {
  if (supported(language)) {
    writeStore(LANGUAGE_KEY, language);
    document.cookie = `${COOKIE}=${language}; path=/; max-age=31536000; SameSite=Lax`;
  }
  if (zone && isZone(zone)) writeStore(ZONE_KEY, zone);
}

function isZone(zone) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone }).format(0);
    return true;
  } catch (e) {
    return false;
  }
}

/**
 * Loads the catalogue of a language (null: the server picks from the browser's Accept-Language) and makes it the
 * page's language: <html lang>, plural rules, separators.
 */
export async function loadCatalogue(language) {
  const headers = { Accept: 'application/json' };
  if (language) headers['Accept-Language'] = language;
  const response = await fetch(`/api/i18n/messages${language ? `?lang=${encodeURIComponent(language)}` : ''}`,
    { headers, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`GET /api/i18n/messages: ${response.status}`);
  const data = await response.json();
  state.lang = supported(data.lang) || 'en';
  state.messages = data.messages || {};
  state.fallback = new Set(data.fallback || []);
  state.languages = data.languages || [];
  state.defaultZone = data.defaultTimeZone || state.defaultZone;
  state.zones = data.timeZones || [state.defaultZone];
  state.businessZone = data.businessTimeZone || state.defaultZone;
  state.currencies = data.displayCurrencies && data.displayCurrencies.length ? data.displayCurrencies : ['USD'];
  state.zone = state.defaultZone;
  state.loaded = true;
  plurals = new Intl.PluralRules(state.lang);
  separators = null;
  document.documentElement.lang = state.lang;
  return state.lang;
}

/** Instants are shown in this zone from now on (an unknown zone keeps the default). */
export function useZone(zone) {
  state.zone = zone && isZone(zone) ? zone : state.defaultZone;
}

export const language = () => state.lang;

/**
 * The Accept-Language every request of the pages sends: the page's language once the catalogue is loaded, before
 * that the language this browser chose (null: the browser's own header goes).
 */
export function requestLanguage() {
  return state.loaded ? state.lang : storedLanguage();
}

/** The headers that carry the chosen language, for requests made with fetch directly. */
export function languageHeaders() {
  const chosen = requestLanguage();
  return chosen ? { 'Accept-Language': chosen } : {};
}
export const zone = () => state.zone;
export const zones = () => (state.zones.includes(state.zone) ? state.zones : [...state.zones, state.zone]);
export const languages = () => state.languages;
/** The currencies amounts can be converted to and shown in (the first is the default). */
export const displayCurrencies = () => state.currencies;

/**
 * The text of a key in the page's language, its {name} placeholders filled from params (numbers formatted).
 * With a numeric params.count and a plural key (key.one, key.few, key.many, key.other), the form the language's
 * plural rules pick, else key.other.
 */
export function t(key, params = {}) {
  let name = key;
  let text = state.messages[key];
  if (text === undefined && typeof params.count === 'number') {
    const form = `${key}.${plurals.select(params.count)}`;
    name = state.messages[form] !== undefined ? form : `${key}.other`;
    text = state.messages[name];
  }
  if (text === undefined) {
    if (state.loaded && !report.missing.includes(key)) {
      report.missing.push(key);
      console.warn(`i18n: no text for ${key} (${state.lang})`);
    }
    return `${MISSING_OPEN}${key}${MISSING_CLOSE}`;
  }
  if (state.fallback.has(name) && !report.fallback.includes(name)) report.fallback.push(name);
  return text.replace(/\{(\w+)\}/g, (match, param) => {
    const value = params[param];
    if (value === undefined || value === null) return match;
    return typeof value === 'number' ? formatCount(value) : String(value);
  });
}

/**
 * Like t(), as a list of strings and nodes: a param that is a DOM node (recorded data marked translate="no", a
 * link) takes its placeholder's place as it is. For element.append(...tParts(key, params)).
 */
export function tParts(key, params = {}) {
  const nodes = {};
  const texts = {};
  for (const [name, value] of Object.entries(params)) {
    if (value && typeof value === 'object' && 'nodeType' in value) nodes[name] = value;
    else texts[name] = value;
  }
  const text = t(key, texts);
  return text.split(/(\{\w+\})/).filter((part) => part !== '')
    .map((part) => (/^\{\w+\}$/.test(part) && nodes[part.slice(1, -1)] ? nodes[part.slice(1, -1)] : part));
}

/** Whether the catalogue has this key (for data-driven keys with a fallback of their own). */
export function has(key) {
  return state.messages[key] !== undefined;
}

/** Fills the page's static texts: data-i18n="key" (the text), data-i18n-attrs="aria-label:key;title:key". */
export function translateStatic(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attrs]')) {
    for (const pair of el.dataset.i18nAttrs.split(';')) {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}

// --- numbers and money --------------------------------------------------------------------------------------

/**
 * The language's decimal and group separators, from the catalogue (ui.format.decimalSeparator / groupSeparator):
 * browsers differ in what they know of some languages (Chromium formats Uzbek as English), the catalogue does not.
 */
function numberSeparators() {
  if (!separators) {
    separators = {
      decimal: state.messages['ui.format.decimalSeparator'] || '.',
      group: state.messages['ui.format.groupSeparator'] || ',',
      minus: '-',
    };
  }
  return separators;
}

/** "1.5E+3" → "1500", "-2.5e-2" → "-0.025": a decimal in exponent form written out, digit for digit. */
function plainDecimal(text) {
  const match = /^(-?)(\d*)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(text);
  if (!match) return text;
  const whole = match[2] || '';
  let digits = whole + (match[3] || '');
  let point = whole.length + Number(match[4]);
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point >= digits.length) digits = digits.padEnd(point, '0');
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const fraction = digits.slice(point);
  return `${match[1]}${intPart}${fraction ? `.${fraction}` : ''}`;
}

/**
 * A decimal exactly as given (a string such as "250000000.00", or a number), with the language's separators:
 * "1234567.5" → "1,234,567.5" (en), "1 234 567,5" (ru). Trailing zeros of the fraction are dropped down to
 * minFraction digits; a non-zero digit is never dropped. Never goes through a float.
 */
export function formatDecimal(value, minFraction = 0) {
  if (value === null || value === undefined || value === '') return '';
  const text = plainDecimal(String(value).trim());
  const match = /^([-+]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return String(value);
  const { group, decimal, minus } = numberSeparators();
  let fraction = (match[3] || '').replace(/0+$/, '');
  if (fraction.length < minFraction) fraction = fraction.padEnd(minFraction, '0');
  const whole = match[2].replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return (match[1] === '-' ? minus : '') + whole + (fraction ? decimal + fraction : '');
}

/** The decimal separator of the page's language ("." or ","). */
export function decimalSeparator() {
  return numberSeparators().decimal;
}

/**
 * An amount as typed into a field, as the API reads it: spaces dropped, and in a language that writes a decimal
 * comma ("1 500 000,50") the comma made a point ("1500000.50"). Anything else is sent as typed (the server checks).
 */
export function decimalInput(text) {
  const value = String(text).replace(/[\s\u00a0\u202f]/g, '');
  return numberSeparators().decimal === ',' && /^-?\d+,\d+$/.test(value) ? value.replace(',', '.') : value;
}

/** The minor-unit digits a currency is shown with: 0 for UZS and KRW (and JPY…), else its ISO 4217 digits. */
export function minorUnits(currency) {
  return NO_MINOR_UNITS.has(currency) ? 0 : isoMinorUnits(currency);
}

function isoMinorUnits(currency) {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().minimumFractionDigits;
  } catch (e) {
    return 2;
  }
}

/**
 * Money exactly as recorded, always with its currency code, in the language's order and separators:
 * {amount: "1500000.00", currency: "USD"} → "USD 1,500,000.00" (en), "1 500 000,00 USD" (ru);
 * "2471028000.00" UZS → "2 471 028 000 UZS"; "12.50" UZS keeps its fraction.
 */
export function formatMoney(amount, currency) {
  if (amount && typeof amount === 'object') return formatMoney(amount.amount, amount.currency);
  if (amount === null || amount === undefined || amount === '') return '—';
  // an amount with a non-zero fraction keeps it, with at least the currency's ISO digits ("1234.5" UZS → "1 234,50")
  const fraction = /\.(\d*[1-9])/.test(plainDecimal(String(amount).trim()));
  const digits = currency ? (fraction ? isoMinorUnits(currency) : minorUnits(currency)) : 0;
  const number = formatDecimal(amount, digits);
  if (!currency) return number;
  // the amount and its code stay on one line
  return t('ui.format.money', { amount: number, currency }).replace(/ /g, '\u00a0');
}

/** A whole number such as a count of days, with the language's separators from five digits on ("1000", "12,345"). */
export function formatCount(n) {
  const text = String(Math.round(Number(n)));
  return /^-?\d{1,4}$/.test(text) ? text.replace('-', numberSeparators().minus) : formatDecimal(text);
}

/** A percentage with a fixed number of decimals: 12.345 → "12.3 %" (en), "12,3 %" (ru). Not for money. */
export function formatPercent(value, digits = 1) {
  return t('ui.format.percent', { value: formatDecimal(Number(value).toFixed(digits), digits) });
}

/**
 * A short axis label, by the language's own steps (ui.format.compact: "1000:{n}K|1000000:{n}M|…"; Korean counts in
 * 만 and 억): 250000000 → "250M" (en), "250 млн" (ru), "250 mln" (uz), "2.5억" (ko). Not for money shown as such.
 */
export function formatCompact(n) {
  const value = Number(n);
  const steps = String(state.messages['ui.format.compact'] || '').split('|')
    .map((step) => step.split(':')).filter((step) => step.length === 2)
    .map(([size, pattern]) => [Number(size), pattern]).sort((a, b) => b[0] - a[0]);
  const step = steps.find(([size]) => Math.abs(value) >= size);
  if (!step) return formatDecimal(String(Math.round(value * 10) / 10));
  const scaled = Math.round((value / step[0]) * 10) / 10;
  return step[1].replace('{n}', Math.abs(scaled) < 10000 ? formatDecimal(String(scaled)).split(numberSeparators().group).join('')
    : formatDecimal(String(scaled)));
}

// --- dates and instants -------------------------------------------------------------------------------------

/** A date is shown as ISO-8601 (YYYY-MM-DD) in every language. */
export function formatDate(iso) {
  return iso ? String(iso) : '—';
}

function zoneParts(date, timeZone) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  const p = Object.fromEntries(format.formatToParts(date).map((x) => [x.type, x.value]));
  return { y: p.year.padStart(4, '0'), m: p.month, d: p.day, hh: p.hour === '24' ? '00' : p.hour, mm: p.minute, ss: p.second };
}

function offsetMinutes(date, timeZone) {
  const p = zoneParts(date, timeZone);
  const wall = Date.UTC(Number(p.y), Number(p.m) - 1, Number(p.d), Number(p.hh), Number(p.mm), Number(p.ss));
  return Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

/** "UTC+5", "UTC+9", "UTC+5:30", "UTC". */
function offsetLabel(minutes) {
  if (!minutes) return 'UTC';
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `UTC${minutes > 0 ? '+' : '-'}${Math.floor(abs / 60)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

function parseInstant(iso) {
  if (!iso) return null;
  // JavaScript dates keep milliseconds: drop the rest of a nanosecond fraction before parsing
  const date = new Date(String(iso).replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An instant in the user's time zone: "2025-06-01 14:03 (UTC+5)"; with seconds: "2025-06-01 14:03:27 (UTC+5)". */
export function formatInstant(iso, { seconds = false } = {}) {
  const date = parseInstant(iso);
  if (!date) return iso ? String(iso) : '—';
  const p = zoneParts(date, state.zone);
  return `${p.y}-${p.m}-${p.d} ${p.hh}:${p.mm}${seconds ? `:${p.ss}` : ''} (${offsetLabel(offsetMinutes(date, state.zone))})`;
}

/** An instant as the user's wall-clock time, for an input: "2025-06-01 14:03:27". */
export function localFromInstant(iso) {
  const date = parseInstant(iso);
  if (!date) return '';
  const p = zoneParts(date, state.zone);
  return `${p.y}-${p.m}-${p.d} ${p.hh}:${p.mm}:${p.ss}`;
}

/** The user's wall-clock time "YYYY-MM-DD HH:MM[:SS]" as an ISO instant (UTC), or null when it is not one. */
export function instantFromLocal(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(String(text || '').trim());
  if (!match) return null;
  const [y, mo, d, hh, mm, ss] = match.slice(1).map((v) => Number(v || 0));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, hh, mm, ss);
  let instant = wall - offsetMinutes(new Date(wall), state.zone) * 60000;
  // near a change of offset the first guess can be an hour off: correct it with the offset at the guess
  instant = wall - offsetMinutes(new Date(instant), state.zone) * 60000;
  const result = new Date(instant);
  return localFromInstant(result.toISOString()).startsWith(`${match[1]}-${match[2]}-${match[3]}`) ? result.toISOString() : null;
}

/** The offset of the user's zone now, e.g. "UTC+5". */
export function zoneOffset(timeZone = state.zone) {
  return offsetLabel(offsetMinutes(new Date(), timeZone));
}

/**
 * A zone as the language names it: the catalogue's ref.timeZone.<id> ("Tashkent time", "Сеульское время"), else the
 * browser's name for it, else the zone id.
 */
export function zoneName(timeZone) {
  const own = state.messages[`ref.timeZone.${timeZone}`];
  if (own !== undefined) return own;
  try {
    const part = new Intl.DateTimeFormat(state.lang, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    if (part && !/^(GMT|UTC)/.test(part.value)) return part.value;
  } catch (e) {
    // an engine without the name
  }
  return timeZone;
}

/** A zone for a list, offset first: "UTC+5 · Uzbekistan Standard Time". */
export function zoneLabel(timeZone) {
  return `${zoneOffset(timeZone)} · ${zoneName(timeZone)}`;
}

/** Today's date where the server applies its date rules (its business time zone), ISO-8601. */
export function today() {
  const p = zoneParts(new Date(), state.businessZone);
  return `${p.y}-${p.m}-${p.d}`;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || ''));
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === match[0];
}
