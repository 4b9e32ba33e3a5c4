// The display currency: amounts converted to one currency (the catalogue lists those offered: USD, UZS, KRW, EUR),
// chosen like the language (kept on the server for a signed-in user, in this browser always); the selector of the
// board, funding and project pages; and how a converted amount, its rate and an amount without a rate read.
import { h, money, data as userText } from './dom.js';
import { t, formatDecimal, displayCurrencies } from './i18n.js';

const STORE_KEY = 'tracker.displayCurrency';
let current = null;
let save = null;

/** The currency this browser chose before, or null. */
export function storedCurrency() {
  try {
    return window.localStorage.getItem(STORE_KEY);
  } catch (e) {
    return null;
  }
}

/** Amounts are shown in this currency from now on (one not offered: the default); keep stores a new choice. */
export function useCurrency(currency, keep) {
  const offered = displayCurrencies();
  current = offered.includes(currency) ? currency : offered[0];
  save = keep;
}

export const displayCurrency = () => current || displayCurrencies()[0];

/** The selector: a field for a toolbar; a new choice is kept (server and browser), then onChange(currency). */
export function currencyField(id, onChange) {
  const select = h('select', { id, class: 'display-currency' },
    displayCurrencies().map((c) => h('option', { value: c, selected: c === displayCurrency() }, c)));
  select.addEventListener('change', async () => {
    current = select.value;
    try {
      window.localStorage.setItem(STORE_KEY, current);
    } catch (e) {
      // storage switched off: the choice lasts this page
    }
    if (save) await save(current);
    onChange(current);
  });
  return h('div', { class: 'field currency-field' }, h('label', { for: id }, t('ui.currency.label')), select);
}

/**
 * A converted total: "—" when it is zero only because every amount it would hold has no rate (never a zero that
 * is not one), else the amount in its currency.
 */
export function convertedTotal(value, currency, excluded) {
  return excluded && /^-?0*(\.0*)?$/.test(String(value)) ? '—' : money(value, currency);
}

/** "no rate for UZS on 2025-06-10": why an amount is not converted. */
export function noRate(currency, dates) {
  return t('ui.money.noRate', { currency, date: (dates || []).join(', ') });
}

/**
 * How an amount was converted: "1 KRW = 0.0000069687… USD on 2025-09-10", the currency a cross rate went through,
 * and the source as published (recorded text, not translated). Null for an amount already in the currency.
 */
export function rateLine(from, converted) {
  if (!converted || !converted.rateDate) return null;
  return h('span', { class: 'rate-used' },
    t('ui.money.rateUsed', { from, to: converted.currency, rate: formatDecimal(converted.rate), date: converted.rateDate }),
    converted.via ? ` ${t('ui.money.via', { currency: converted.via })}` : null,
    ' · ', userText(converted.source));
}

/** An amount's conversion for a table cell: the amount and how, or that it has no rate (never a zero). */
export function convertedCell(flow) {
  if (!flow) return '—';
  if (!flow.converted) return h('span', { class: 'no-rate' }, noRate(flow.currency, [flow.date]));
  const line = rateLine(flow.currency, flow.converted);
  return h('span', { class: 'converted' }, money(flow.converted.amount, flow.converted.currency),
    line ? h('br') : null, line);
}

/**
 * What an amount without a rate is, by kind: "KRW 12,345,678,900 committed, KRW 1,000,000,000 disbursed" (the
 * kinds given: committed, disbursed, received, expended).
 */
export function unconvertedAmounts(u, kinds = ['committed', 'disbursed', 'received', 'expended']) {
  const keys = { committed: 'ui.money.amountCommitted', disbursed: 'ui.money.amountDisbursed',
    received: 'ui.money.amountReceived', expended: 'ui.money.amountSpent' };
  return kinds.filter((k) => u[k] !== undefined && u[k] !== null && Number(u[k]) !== 0)
    .map((k) => t(keys[k], { amount: money(u[k], u.currency) })).join(', ');
}
