// A project: header with stage and IATI status, money, milestones planned vs actual, fundings, history; "as of" a
// date and "as known at" an instant; the forms for every command.
import { xlsxButton } from '../download.js';
import {
  h, clear, money, today, daysBetween, safeLink, stageBadge, table, sectorLabel, instant, data as userText,
} from '../dom.js';
import { get, post, query, enc, ApiError } from '../api.js';
import { buildForm } from '../forms.js';
import {
  displayCurrency, currencyField, convertedCell, convertedTotal, noRate, unconvertedAmounts,
} from '../currency.js';
import { projectCommands, conventionText } from '../commands.js';
import { t, has, formatCount, formatPercent, formatInstant, localFromInstant, instantFromLocal, isIsoDate, zoneOffset } from '../i18n.js';
import { recordedText, field, pick, languageName } from '../content.js';
import { reportedStatusLine, dataQualityNotice, partnersPanel, importNotesPanel, pendingApprovalsPanel } from './project-record.js';
import { documentsPanel } from './project-documents.js';
import {
  stageName, sourceName, instrumentName, agreementTypeName, partnerRoleName, activityStatusName, transactionTypeName,
  regionName, stallKindName, eventTypeName,
} from '../labels.js';

function dl(entries) {
  return h('dl', { class: 'facts' }, entries.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
}

function timeTravelForm(ctx, projectId, asOf, knownAt) {
  const error = h('p', { class: 'field-error', id: 'time-travel-error', role: 'alert', hidden: true });
  const form = h('form', { class: 'toolbar time-travel', 'aria-label': t('ui.project.travel.label'), novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'as-of' }, t('ui.project.travel.asOf')),
      h('input', {
        type: 'text', id: 'as-of', value: asOf || '', inputmode: 'numeric', maxlength: '10', pattern: '\\d{4}-\\d{2}-\\d{2}',
        placeholder: t('ui.form.datePlaceholder'), autocomplete: 'off', 'aria-describedby': 'time-travel-error',
      })),
    h('div', { class: 'field' }, h('label', { for: 'known-at' }, t('ui.project.travel.knownAt', { offset: zoneOffset() })),
      h('input', {
        type: 'text', id: 'known-at', value: localFromInstant(knownAt), inputmode: 'numeric', maxlength: '19',
        placeholder: t('ui.form.instantPlaceholder'), autocomplete: 'off', 'aria-describedby': 'time-travel-error',
      })),
    h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary' }, t('ui.project.travel.show')),
      (asOf || knownAt) ? h('a', { class: 'button secondary', href: `#/projects/${enc(projectId)}` }, t('ui.project.travel.backToNow')) : null),
    error);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const date = form.querySelector('#as-of').value.trim();
    const local = form.querySelector('#known-at').value.trim();
    const at = local ? instantFromLocal(local) : '';
    error.hidden = true;
    if (date && !isIsoDate(date)) {
      error.hidden = false;
      error.textContent = t('ui.form.error.date', { value: date });
      return;
    }
    if (at === null) {
      error.hidden = false;
      error.textContent = t('ui.form.error.instant', { value: local });
      return;
    }
    ctx.navigate(`/projects/${enc(projectId)}${query({ asOf: date, knownAt: at })}`);
  });
  return form;
}

function committedDisbursed(committed, disbursed) {
  return t('ui.money.committedDisbursed', { committed, disbursed });
}

/** What a total leaves out for want of a rate, for one kind of amount ("KRW 1,000,000 committed"), or null. */
function excludedFrom(shown, kind) {
  const amounts = shown.unconverted.map((u) => unconvertedAmounts(u, [kind])).filter(Boolean);
  return amounts.length ? t('ui.money.excludes', { amounts: amounts.join(', ') }) : null;
}

function moneySection(ctx, p) {
  const shown = p.converted || { currency: 'USD', unconverted: [], bySource: {}, ratesUsed: [] };
  const currency = shown.currency;
  const currencies = Object.keys(p.committedByCurrency || {});
  const bySource = Object.entries(shown.bySource || {});
  // a figure in the display currency, and what it leaves out for want of a rate
  const figure = (label, value, id, kind) => {
    const excluded = kind ? excludedFrom(shown, kind) : null;
    return h('div', { class: 'figure' }, h('span', { class: 'figure-label' }, label),
      h('span', { class: 'figure-value', id }, kind ? convertedTotal(value, currency, excluded) : value),
      excluded ? h('span', { class: 'figure-note', id: id ? `${id}-excluded` : null }, excluded) : null);
  };
  const anyExcluded = shown.unconverted.some((u) => Number(u.committed) !== 0 || Number(u.disbursed) !== 0);
  const rates = (shown.ratesUsed || []);
  // whether a funding source has amounts of these kinds without a rate (its totals leave them out)
  const COMMITTED = ['COMMITMENT', 'CORRECTION'];
  const sourceOf = new Map(p.fundings.map((f) => [f.fundingId, f.source]));
  const missing = (source, kinds) => (shown.flows || []).some((f) => !f.converted && kinds.includes(f.kind)
    && sourceOf.get(f.fundingId) === source);
  return h('section', { class: 'panel', 'aria-labelledby': 'money-heading' },
    h('div', { class: 'section-head' }, h('h2', { id: 'money-heading' }, t('ui.project.money.title')),
      currencyField('project-currency', () => ctx.redraw())),
    h('div', { class: 'money-figures' },
      figure(t('ui.project.money.committed'), shown.committed, 'committed-usd', 'committed'),
      figure(t('ui.project.money.disbursed'), shown.disbursed, 'disbursed-usd', 'disbursed'),
      figure(t('ui.project.money.undisbursed'), convertedTotal(shown.undisbursed, currency, anyExcluded)),
      (p.incomingFunds || []).length ? figure(t('ui.project.money.received'), shown.received, 'received-converted', 'received') : null,
      (p.expenditures || []).length ? figure(t('ui.project.money.spent'), shown.expended, 'spent-converted', 'expended') : null,
      figure(t('ui.project.money.estimatedCost'), p.estimatedCost ? money(p.estimatedCost) : '—')),
    currencies.length ? h('p', { class: 'muted' }, t('ui.project.money.original'), ' ', currencies.map((c) =>
      committedDisbursed(money(p.committedByCurrency[c], c), money((p.disbursedByCurrency || {})[c] || '0', c))).join('; ')) : null,
    shown.unconverted.length ? h('div', { class: 'notice warning', id: 'unconverted-amounts' },
      h('p', {}, t('ui.project.money.unconverted', { currency })),
      h('ul', {}, shown.unconverted.map((u) => h('li', { dataset: { currency: u.currency } },
        `${unconvertedAmounts(u)}: ${noRate(u.currency, u.dates)}`)))) : null,
    rates.length ? h('p', { class: 'muted rates-used', id: 'rates-used' }, t('ui.project.money.ratesUsed', { currency }), ' ',
      rates.flatMap((r, i) => [i ? '; ' : '', `${r.currency} ${r.date} `, userText(r.source)])) : null,
    bySource.length ? table(t('ui.project.money.bySource', { currency }), [
      { label: t('ui.project.col.source'), value: ([s]) => sourceName(s) },
      { label: t('ui.project.col.committed'), class: 'num', value: ([s, x]) => convertedTotal(x.committed, currency, missing(s, COMMITTED)) },
      { label: t('ui.project.col.disbursed'), class: 'num', value: ([s, x]) => convertedTotal(x.disbursed, currency, missing(s, ['DISBURSEMENT'])) },
      { label: t('ui.project.col.undisbursed'), class: 'num', value: ([s, x]) => convertedTotal(x.undisbursed, currency, missing(s, [...COMMITTED, 'DISBURSEMENT'])) },
    ], bySource) : null);
}

/**
 * Plans beside actuals (only for a project with plans): per currency, planned and disbursed to date, how far behind
 * plan, utilisation; planned against disbursed by fiscal quarter; the current budgets. As of and known at, as the page.
 */
async function plansSection(p, asOf, knownAt) {
  if (!(p.budgets || []).length && !(p.plannedDisbursements || []).length) return null;
  const [use, budgets] = await Promise.all([
    get(`/api/projects/${enc(p.projectId)}/utilisation${query({ asOf, knownAt })}`),
    get(`/api/projects/${enc(p.projectId)}/budgets${query({ asOf, knownAt })}`)]);
  const ratio = (r) => (r === null || r === undefined ? '—' : formatPercent(Number(r) * 100));
  const section = h('section', { class: 'panel', id: 'plans', 'aria-labelledby': 'plans-heading' },
    h('h2', { id: 'plans-heading' }, t('ui.project.plans.title')));
  for (const c of use.currencies) {
    section.append(dl([
      [t('ui.project.plans.plannedToDate'), money(c.plannedToDate, c.currency)],
      [t('ui.project.plans.disbursedToDate'), money(c.disbursedToDate, c.currency)],
      [t('ui.project.plans.behindPlan'), money(c.behindPlan, c.currency)],
      [t('ui.project.plans.utilisation'), ratio(c.utilisation)],
      [t('ui.project.plans.disbursedOfCommitted'), ratio(c.disbursedOfCommitted)],
    ]));
    if (c.periods.length) section.append(table(t('ui.project.plans.byPeriod', { currency: c.currency }), [
      { label: t('ui.project.plans.col.period'), value: (x) => userText(x.label) },
      { label: t('ui.project.plans.col.planned'), class: 'num', value: (x) => money(x.planned, c.currency) },
      { label: t('ui.project.plans.col.disbursed'), class: 'num', value: (x) => money(x.disbursed, c.currency) },
      { label: t('ui.project.plans.col.utilisation'), class: 'num', value: (x) => ratio(x.utilisation) },
    ], c.periods));
  }
  if (budgets.length) section.append(table(t('ui.project.plans.budgets'), [
    { label: t('ui.project.plans.col.period'), class: 'date', value: (b) => `${b.periodStart} – ${b.periodEnd}` },
    { label: t('ui.project.col.funding'), value: (b) => (b.fundingId ? userText(b.fundingId) : '—') },
    { label: t('ui.project.plans.col.budget'), class: 'num', value: (b) => money(b.value) },
    { label: t('ui.project.plans.col.kind'), value: (b) => (b.type === '2' ? t('ui.project.plans.revised') : t('ui.project.plans.original')) },
    { label: t('ui.project.plans.col.status'), value: (b) => (b.status === '2' ? t('ui.project.plans.committed') : t('ui.project.plans.indicative')) },
  ], budgets));
  return section;
}

function milestoneStatus(m, late, overdue, now) {
  if (m.achievedOn) {
    if (late === null) return t('ui.project.milestone.achieved', { date: m.achievedOn });
    if (late > 0) return t('ui.project.milestone.achievedLate', { date: m.achievedOn, count: late });
    if (late < 0) return t('ui.project.milestone.achievedEarly', { date: m.achievedOn, count: -late });
    return t('ui.project.milestone.achievedOnTime', { date: m.achievedOn });
  }
  if (overdue) return t('ui.project.milestone.overdue', { count: daysBetween(m.plannedOn, now) });
  return t('ui.project.milestone.notYet');
}

/** Milestones as a strip: planned ◇, achieved ◆, the slippage between them, overdue up to today. */
function milestoneStrip(p, cutDate) {
  const section = h('section', { class: 'panel', 'aria-labelledby': 'milestones-heading' }, h('h2', { id: 'milestones-heading' }, t('ui.project.timeline.title')));
  if (!p.milestones.length) section.append(h('p', { class: 'empty' }, t('ui.project.timeline.noMilestones')));
  const now = cutDate || today();
  const dates = [p.proposedOn, now, ...p.stageHistory.map((s) => s.since), ...p.milestones.flatMap((m) => [m.plannedOn, m.achievedOn])].filter(Boolean).sort();
  const start = `${dates[0].slice(0, 4)}-01-01`;
  const end = `${Number(dates[dates.length - 1].slice(0, 4)) + 1}-01-01`;
  const totalDays = daysBetween(start, end);
  const x = (date) => `${(100 * daysBetween(start, date)) / totalDays}%`;
  const years = [];
  for (let y = Number(start.slice(0, 4)); y < Number(end.slice(0, 4)); y += 1) years.push(y);
  const axis = h('div', { class: 'gantt-axis', 'aria-hidden': 'true' }, years.map((y) => {
    const tick = h('span', { class: 'tick' }, String(y));
    tick.style.left = x(`${y}-01-01`);
    return tick;
  }));
  const rows = p.milestones.map((m) => {
    const overdue = !m.achievedOn && m.plannedOn && m.plannedOn < now;
    const late = m.slippageDays !== null && m.slippageDays !== undefined ? Number(m.slippageDays) : null;
    const track = h('div', { class: 'gantt-track', 'aria-hidden': 'true' });
    const from = m.plannedOn;
    const to = m.achievedOn || (overdue ? now : null);
    if (from && to && from !== to) {
      const bar = h('span', { class: `gantt-bar ${to < from ? 'early' : 'late'} ${overdue ? 'overdue' : ''}` });
      const [a, b] = from < to ? [from, to] : [to, from];
      bar.style.left = x(a);
      bar.style.width = `${(100 * daysBetween(a, b)) / totalDays}%`;
      track.append(bar);
    }
    if (m.plannedOn) {
      const mark = h('span', { class: 'gantt-mark planned', title: t('ui.project.milestone.planned', { date: m.plannedOn }) });
      mark.style.left = x(m.plannedOn);
      track.append(mark);
    }
    if (m.achievedOn) {
      const mark = h('span', { class: 'gantt-mark achieved', title: t('ui.project.milestone.achieved', { date: m.achievedOn }) });
      mark.style.left = x(m.achievedOn);
      track.append(mark);
    }
    const nowLine = h('span', { class: 'gantt-today' });
    nowLine.style.left = x(now);
    track.append(nowLine);
    return h('li', { class: `gantt-row ${overdue ? 'is-overdue' : ''} ${late > 0 ? 'is-late' : ''}`, dataset: { milestoneId: m.milestoneId } },
      h('div', { class: 'gantt-label' }, userText(m.name || m.milestoneId, 'strong'), ' ', h('span', { class: 'muted' }, '(', userText(m.milestoneId), ')'),
        h('br'), h('span', { class: 'gantt-text' }, t('ui.project.milestone.line', { planned: m.plannedOn || '—', status: milestoneStatus(m, late, overdue, now) }))),
      track);
  });
  // the stages the project went through, as coloured spans up to today (or the cut)
  const stageTrack = h('div', { class: 'gantt-track', 'aria-hidden': 'true' });
  p.stageHistory.forEach((s, i) => {
    const until = i + 1 < p.stageHistory.length ? p.stageHistory[i + 1].since : now;
    const span = h('span', { class: `gantt-stage stage-${s.stage.toLowerCase()}`, title: t('ui.project.stageFrom', { stage: stageName(s.stage), date: s.since }) });
    span.style.left = x(s.since);
    span.style.width = `${(100 * Math.max(0, daysBetween(s.since, until))) / totalDays}%`;
    stageTrack.append(span);
  });
  const stagesRow = h('li', { class: 'gantt-row stages' },
    h('div', { class: 'gantt-label' }, h('strong', {}, t('ui.project.timeline.stages')), h('br'),
      h('span', { class: 'gantt-text' }, stagePath(p))),
    stageTrack);
  const key = (swatch, label) => h('span', { class: 'legend-item' }, swatch, ' ', label);
  section.append(h('div', { class: 'gantt' }, h('div', { class: 'gantt-head' }, h('span', { class: 'gantt-label' }), axis),
    h('ul', { class: 'gantt-rows' }, stagesRow, rows)),
  h('p', { class: 'legend muted' },
    key(h('span', { class: 'gantt-mark planned inline' }), t('ui.project.legend.planned')),
    key(h('span', { class: 'gantt-mark achieved inline' }), t('ui.project.legend.achieved')),
    key(h('span', { class: 'swatch late' }), t('ui.project.legend.slippage')),
    key(h('span', { class: 'swatch early' }), t('ui.project.legend.early')),
    key(h('span', { class: 'swatch today' }), t('ui.project.legend.today'))));
  return section;
}

/** The stages a project went through: "Proposed 2024-02-01 → Agreed 2024-03-01", a date never split at a line end. */
function stagePath(p) {
  return p.stageHistory.flatMap((s, i) => [i ? ' → ' : null, `${stageName(s.stage)} `, h('span', { class: 'nowrap' }, s.since)])
    .filter(Boolean);
}

function iatiLine(f) {
  const parts = [t('ui.project.iati.transaction', { code: f.iatiTransactionType, name: transactionTypeName(f.iatiTransactionType) })];
  if (f.financeType) parts.push(t('ui.project.iati.financeType', { code: f.financeType }));
  if (f.flowType) parts.push(t('ui.project.iati.flowType', { code: f.flowType }));
  return parts.join(', ');
}

/** Each amount's conversion by where it is: `${kind}|${fundingId}|${index}`. */
function flowsOf(p) {
  return new Map(((p.converted || {}).flows || []).map((f) => [`${f.kind}|${f.fundingId || ''}|${f.index}`, f]));
}

/** A loan's closing date, and the ones it replaced when it was extended: "2031-06-30 (extended from 2030-06-30)". */
function closingCell(f) {
  if (!f.closingOn) return '—';
  const earlier = f.earlierClosingDates || [];
  return earlier.length ? `${f.closingOn} (${t('ui.project.loan.extendedFrom', { dates: earlier.join(', ') })})` : f.closingOn;
}

function fundingsSection(p) {
  const flows = flowsOf(p);
  const currency = (p.converted || {}).currency || displayCurrency();
  const section = h('section', { class: 'panel', 'aria-labelledby': 'fundings-heading' }, h('h2', { id: 'fundings-heading' }, t('ui.project.fundings.title')));
  if (!p.fundings.length) section.append(h('p', { class: 'empty' }, t('ui.project.fundings.none')));
  else section.append(table(t('ui.project.fundings.commitments'), [
    { label: t('ui.project.col.funding'), value: (f) => userText(f.fundingId) },
    { label: t('ui.project.col.source'), value: (f) => (f.instrument ? t('ui.project.sourceWithInstrument', { source: sourceName(f.source), instrument: instrumentName(f.instrument) }) : sourceName(f.source)) },
    { label: t('ui.project.col.funder'), value: (f) => userText(f.funder) },
    { label: t('ui.project.col.committedOn'), class: 'date', value: (f) => f.committedOn },
    { label: t('ui.project.col.effectiveOn'), class: 'date', value: (f) => f.effectiveOn || '—' },
    { label: t('ui.project.col.closingOn'), class: 'date', value: (f) => closingCell(f) },
    { label: t('ui.project.col.repayment'), value: (f) => (f.terms ? conventionText(f.terms.convention) : '—') },
    { label: t('ui.project.col.committed'), class: 'num', value: (f) => money(f.amount) },
    { label: t('ui.project.col.committedConverted', { currency }), class: 'num', value: (f) => convertedCell(flows.get(`COMMITMENT|${f.fundingId}|0`)) },
    { label: t('ui.project.col.disbursed'), class: 'num', value: (f) => money(f.disbursed) },
    { label: t('ui.project.col.undisbursed'), class: 'num', value: (f) => money(f.undisbursed) },
    { label: t('ui.project.col.iati'), value: (f) => iatiLine(f) },
    { label: t('ui.project.col.facility'), value: (f) => (f.facilityId ? userText(f.facilityId) : '—') },
  ], p.fundings));
  const notes = (x, fromKey, toKey) => [x.provider && t(fromKey, { name: x.provider }), x.receiver && t(toKey, { name: x.receiver }), x.description]
    .filter(Boolean).join('; ');
  const movements = [...p.fundings.flatMap((f) => [
    ...f.disbursements.map((d, i) => ({ date: d.disbursedOn, fundingId: f.fundingId, kind: t('ui.project.movement.disbursement'), amount: money(d.amount), note: '', flow: flows.get(`DISBURSEMENT|${f.fundingId}|${i}`) })),
    ...f.corrections.map((c, i) => ({ date: c.correctedOn, fundingId: f.fundingId, kind: t('ui.project.movement.correction'), amount: `${money(c.previousAmount)} → ${money(c.newAmount)}`, note: c.reason || '', flow: flows.get(`CORRECTION|${f.fundingId}|${i}`) })),
  ]),
  ...(p.incomingFunds || []).map((x, i) => ({ date: x.receivedOn, fundingId: x.fundingId, kind: t('ui.project.movement.incoming'), amount: money(x.amount), note: notes(x, 'ui.project.movement.from', 'ui.project.movement.to'), flow: flows.get(`INCOMING_FUNDS|${x.fundingId || ''}|${i}`) })),
  ...(p.expenditures || []).map((x, i) => ({ date: x.spentOn, fundingId: x.fundingId, kind: t('ui.project.movement.expenditure'), amount: money(x.amount), note: notes(x, 'ui.project.movement.by', 'ui.project.movement.to'), flow: flows.get(`EXPENDITURE|${x.fundingId || ''}|${i}`) })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  if (movements.length) {
    section.append(table(t('ui.project.movements.title'), [
      { label: t('ui.project.col.date'), class: 'date', value: (m) => m.date },
      { label: t('ui.project.col.funding'), value: (m) => (m.fundingId ? userText(m.fundingId) : '—') },
      { label: t('ui.project.col.what'), value: (m) => m.kind },
      { label: t('ui.project.col.amount'), class: 'num', value: (m) => m.amount },
      { label: t('ui.project.col.converted', { currency }), class: 'num converted', value: (m) => convertedCell(m.flow) },
      { label: t('ui.project.col.note'), value: (m) => (m.note ? userText(m.note) : '') },
    ], movements, { rowClass: (m) => (m.flow && !m.flow.converted ? 'unconverted' : null) }));
  }
  return section;
}

/** What an event's payload says, each value named in the page's language; codes translated, recorded text as is. */
/** The events whose {@code type} is an IATI BudgetType (1 original, 2 revised). */
const PLAN_EVENTS = new Set(['BudgetRecordedEvent', 'PlannedDisbursementRecordedEvent']);

/** An event's {@code type}: an agreement's type, a plan's budget type, else (a transaction's code) as recorded. */
function typeName(code, entry) {
  if (PLAN_EVENTS.has(entry.type)) return code === '2' ? t('ui.project.plans.revised') : t('ui.project.plans.original');
  return has(`ref.agreementType.${code}`) ? agreementTypeName(code) : userText(code);
}

const SUMMARY = {
  agreementId: ['ui.history.field.agreementId'],
  fundingId: ['ui.history.field.fundingId'],
  milestoneId: ['ui.history.field.milestoneId'],
  name: ['ui.history.field.name'],
  language: ['ui.history.field.language', languageName],
  title: ['ui.history.field.title'],
  type: ['ui.history.field.type', typeName],
  instrument: ['ui.history.field.instrument', instrumentName],
  source: ['ui.history.field.source', sourceName],
  from: ['ui.history.field.from', stageName],
  to: ['ui.history.field.to', stageName],
  kind: ['ui.history.field.kind', stallKindName],
};

function summarise(entry) {
  const p = entry.payload || {};
  const parts = [];
  for (const [key, [label, name]] of Object.entries(SUMMARY)) {
    const v = p[key];
    if (v !== null && v !== undefined && typeof v !== 'object') {
      parts.push(h('span', {}, t(label), ' ', name ? name(v, entry) : userText(v)));
    }
  }
  for (const key of ['amount', 'newAmount', 'value']) if (p[key] && p[key].currency) parts.push(money(p[key]));
  if (p.periodStart) parts.push(`${p.periodStart} – ${p.periodEnd || p.periodStart}`);
  if (p.plannedOn) parts.push(t('ui.history.field.planned', { date: p.plannedOn }));
  if (p.achievedOn) parts.push(t('ui.history.field.achieved', { date: p.achievedOn }));
  const loanDates = p.dates || p; // a commitment's dates, or a LoanDatesRecordedEvent's own
  if (loanDates.effectiveOn) parts.push(t('ui.history.field.effective', { date: loanDates.effectiveOn }));
  if (loanDates.closingOn) parts.push(t('ui.history.field.closing', { date: loanDates.closingOn }));
  return parts.flatMap((part, i) => (i ? [' · ', part] : [part]));
}

function historyNeedsRole() {
  return h('section', { class: 'panel history', 'aria-labelledby': 'history-heading' },
    h('h2', { id: 'history-heading' }, t('ui.project.history.title')), h('p', { class: 'muted' }, t('ui.project.history.needsRole')));
}

async function historySection(p, asOf, knownAt) {
  const section = h('section', { class: 'panel history', 'aria-labelledby': 'history-heading' }, h('h2', { id: 'history-heading' }, t('ui.project.history.title')));
  let entries;
  try {
    entries = await get(`/api/projects/${enc(p.projectId)}/history`);
  } catch (e) {
    section.append(h('p', { class: 'notice' }, e instanceof ApiError ? e.userMessage : String(e)));
    return section;
  }
  const knownAtMs = knownAt ? Date.parse(knownAt.replace(/(\.\d{3})\d+/, '$1')) : null;
  const after = (e) => (asOf && e.effectiveDate && e.effectiveDate > asOf) || (knownAtMs && Date.parse(e.recordedAt.replace(/(\.\d{3})\d+/, '$1')) > knownAtMs);
  if (asOf || knownAt) section.append(h('p', { class: 'muted' }, t('ui.project.history.greyed')));
  section.append(table(t('ui.project.history.caption'), [
    { label: '#', class: 'num', value: (e) => String(e.sequence) },
    { label: t('ui.project.history.col.event'), value: (e) => h('span', {}, eventTypeName(e.type), after(e) ? h('span', { class: 'visually-hidden' }, ` ${t('ui.project.history.afterCut')}`) : null) },
    { label: t('ui.project.history.col.details'), value: (e) => h('span', {}, summarise(e)) },
    { label: t('ui.project.history.col.effective'), class: 'date', value: (e) => e.effectiveDate || '—' },
    { label: t('ui.project.history.col.recordedAt'), value: (e) => instant(e.recordedAt) },
    { label: t('ui.project.history.col.who'), value: (e) => userText(e.actor) },
    { label: t('ui.project.history.col.reason'), value: (e) => userText(e.reason) },
    { label: t('ui.project.history.col.source'), value: (e) => safeLink(e.sourceUrl, t('ui.project.history.sourceLink')) || '—' },
  ], entries, { class: 'data history', rowClass: (e) => (after(e) ? 'after-cut' : null) }));
  return section;
}

function commandsSection(ctx, p, reload) {
  const commands = projectCommands(p).filter((c) => ctx.session.can(c.role));
  const section = h('section', { class: 'panel record', 'aria-labelledby': 'record-heading' }, h('h2', { id: 'record-heading' }, t('ui.project.record.title')));
  if (!commands.length) {
    section.append(h('p', { class: 'muted' }, t('ui.project.record.notAllowed')));
    return section;
  }
  for (const command of commands) {
    const form = buildForm({
      id: `form-${command.key}`, description: command.description, fields: command.fields, submitLabel: command.title,
      onSubmit: (body, values, headers) => post(command.path(values), body, headers),
      onSuccess: async (result, form) => {
        form.reset();
        ctx.announce(t('ui.project.record.done', { command: command.title }));
        await reload();
      },
    });
    section.append(h('details', { class: 'command', id: `command-${command.key}`, dataset: { command: command.key } },
      h('summary', {}, command.title), form));
  }
  return section;
}

/** [text, tag] → [text, ' ', tag], or [text]. */
function spaced([text, tag]) {
  return tag ? [text, ' ', tag] : [text];
}

/** The languages the title and description are recorded in, the original first and marked as such. */
function languagesLine(p) {
  const original = p.language || 'en';
  const others = Object.keys(p.texts || {}).filter((tag) => tag !== original);
  return [t('ui.project.details.originalLanguage', { language: languageName(original) }), ...others.map(languageName)].join(', ');
}

function partnerText(x) {
  return x.country ? t('ui.project.partner', { name: x.name, country: x.country, role: partnerRoleName(x.role) })
    : t('ui.project.partnerNoCountry', { name: x.name, role: partnerRoleName(x.role) });
}

/** An open stall: stalled since its due date, for as many days as the server counts (to today or the "as of" date). */
function alertText(a) {
  const what = a.kind === 'NO_DISBURSEMENT' ? t('ui.project.alert.noDisbursement', { funding: a.fundingId || '' }) : stallKindName(a.kind);
  return t('ui.project.alert.line', { what, count: Number(a.daysStalled) || 0, date: a.since || a.dueOn });
}

function travelNote(asOf, knownAt) {
  if (asOf && knownAt) return t('ui.project.travel.noteBoth', { date: asOf, instant: formatInstant(knownAt, { seconds: true }) });
  if (asOf) return t('ui.project.travel.noteAsOf', { date: asOf });
  return t('ui.project.travel.noteKnownAt', { instant: formatInstant(knownAt, { seconds: true }) });
}

export async function render(main, ctx) {
  const id = ctx.params[0];
  const asOf = ctx.query.get('asOf') || '';
  const knownAt = ctx.query.get('knownAt') || '';
  const travelling = Boolean(asOf || knownAt);
  const container = h('div', { class: 'project' });
  main.append(container);
  let openCommands = new Set();
  let lastVersion = -1;

  const draw = async () => {
    let p;
    try {
      p = await get(`/api/projects/${enc(id)}${query({ asOf, knownAt, displayCurrency: displayCurrency() })}`);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404) throw e;
      clear(container).append(userText(id, 'h1'), timeTravelForm(ctx, id, asOf, knownAt), h('div', { class: 'notice', role: 'alert' }, e.userMessage),
        h('p', {}, h('a', { href: '#/board' }, t('ui.app.backToBoard'))));
      return;
    }
    // the history is the auditors' (GET …/history needs AUDITOR): other readers see why it is not shown
    const history = ctx.session.can('AUDITOR') ? await historySection(p, asOf, knownAt) : historyNeedsRole();
    const plans = await plansSection(p, asOf, knownAt);
    if (!ctx.isCurrent()) return;
    // keep open forms open, and what was typed in them, across a live refresh
    openCommands = new Set([...container.querySelectorAll('details.command[open]')].map((d) => d.dataset.command));
    const keptForms = new Map([...container.querySelectorAll('details.command')].map((d) => [d.dataset.command, d]));
    lastVersion = p.version;
    const titles = field(p.texts, 'title');
    document.title = t('ui.app.titleWith', { title: pick(titles, p.language, p.title).text });
    // the title in the page's language when recorded, else the original with its language tag (beside the heading)
    const [title, titleTag] = recordedText(titles, p.language, p.title, 'h1', { id: 'project-title' });
    const header = h('header', { class: 'project-header' },
      h('p', { class: 'crumbs' }, h('a', { href: '#/board' }, t('ui.nav.board')), ' / ', userText(p.projectId)),
      h('div', { class: 'title-line' }, title, titleTag),
      h('p', { class: 'project-status' }, stageBadge(p.stage), ' ',
        h('span', { class: 'iati', id: 'iati-status' }, t('ui.project.iatiStatus', { code: p.iatiStatus, name: activityStatusName(p.iatiStatus) })), ' ',
        reportedStatusLine(p), ' ',
        h('span', { class: 'muted' }, t('ui.project.since', { date: p.stageSince })),
        p.suspendedFrom ? h('span', { class: 'muted' }, t('ui.project.suspendedFrom', { stage: stageName(p.suspendedFrom) })) : null,
        h('span', { class: 'muted' }, t('ui.project.version', { version: String(p.version) }))),
      h('p', { class: 'project-actions' },
        xlsxButton('project-statement-xlsx', `/api/projects/${enc(p.projectId)}/statement.xlsx`, { asOf, knownAt }), ' ',
        h('button', { type: 'button', class: 'secondary', id: 'print-brief', on: { click: () => window.print() } }, t('ui.project.printBrief'))),
      timeTravelForm(ctx, p.projectId, asOf, knownAt),
      travelling ? h('p', { class: 'notice info', id: 'time-travel-note' }, travelNote(asOf, knownAt), ' ', t('ui.project.travel.recordingOff')) : null);
    const descriptions = field(p.texts, 'description');
    const described = p.description || Object.values(descriptions).some(Boolean);
    const details = h('section', { class: 'panel', 'aria-labelledby': 'details-heading' }, h('h2', { id: 'details-heading' }, t('ui.project.details.title')),
      described ? h('p', { class: 'description' }, ...spaced(recordedText(descriptions, p.language, p.description, 'span'))) : null,
      dl([
        [t('ui.project.details.languages'), languagesLine(p)],
        [t('ui.project.details.sector'), h('span', {}, sectorLabel(p.sector, p.sectorName), ' ', t('ui.sector.dacCodeParen', { code: p.sector }))],
        [t('ui.project.details.region'), regionName(p.region)],
        [t('ui.project.details.partners'), p.partners.length ? userText(p.partners.map(partnerText).join('; ')) : '—'],
        [t('ui.project.details.proposedOn'), p.proposedOn],
        [t('ui.project.details.planned'), p.plannedStart || p.plannedEnd ? `${p.plannedStart || '?'} – ${p.plannedEnd || '?'}` : null],
        [t('ui.project.details.stages'), h('span', {}, stagePath(p))],
        [t('ui.project.details.lastRecorded'), p.lastEventAt ? instant(p.lastEventAt) : null],
      ]),
      p.agreements.length ? table(t('ui.project.agreements.title'), [
        { label: t('ui.project.col.agreement'), value: (a) => userText(a.agreementId) },
        { label: t('ui.project.col.type'), value: (a) => (a.binding ? agreementTypeName(a.type) : t('ui.project.agreements.notBinding', { type: agreementTypeName(a.type) })) },
        { label: t('ui.project.col.signedOn'), class: 'date', value: (a) => a.signedOn },
        { label: t('ui.project.col.parties'), value: (a) => userText((a.parties || []).join(', ')) },
        { label: t('ui.project.col.document'), value: (a) => safeLink(a.documentUrl, t('ui.project.agreements.documentLink')) || '—' },
      ], p.agreements) : null,
      p.alerts.length ? h('div', { class: 'notice warning', id: 'stall-alerts' }, h('strong', {}, t('ui.project.alert.title')), ' ',
        p.alerts.map(alertText).join('; ')) : null);
    const parts = [header, dataQualityNotice(p), h('div', { class: 'project-grid' }, moneySection(ctx, p), details), partnersPanel(p),
      documentsPanel(p, { canUpload: ctx.session.can('RECORDER') || ctx.session.can('FINANCE'), travelling, onUploaded: () => draw() }), milestoneStrip(p, asOf && asOf < today() ? asOf : null), pendingApprovalsPanel(p), fundingsSection(p), plans, importNotesPanel(p)].filter(Boolean);
    if (!travelling) {
      const commands = commandsSection(ctx, p, draw);
      // a refresh rebuilds the forms with the new state (funding choices…) but keeps open ones as they were
      for (const d of commands.querySelectorAll('details.command')) {
        const kept = keptForms.get(d.dataset.command);
        if (kept && openCommands.has(d.dataset.command)) d.replaceWith(kept);
      }
      parts.push(commands);
    }
    parts.push(history);
    const focused = document.activeElement;
    const scroll = window.scrollY;
    clear(container).append(...parts);
    if (focused && focused !== document.body && container.contains(focused)) focused.focus({ preventScroll: true });
    window.scrollTo(0, scroll);
  };

  await draw();
  return {
    onChange(change) {
      if (!(change.projects || []).includes(id) && !change.reload) return;
      if (knownAt) return; // what was known at a past instant does not change
      if ((change.initial || change.replayed) && travelling) return;
      if (!travelling && change.versions && change.versions[id] !== undefined && change.versions[id] <= lastVersion) return;
      draw().then(() => { if (!change.initial && !change.replayed) ctx.announce(t('ui.project.updated')); }).catch((e) => console.warn('project refresh', e));
    },
  };
}
