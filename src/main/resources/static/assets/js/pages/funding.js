// Funding over time: committed vs disbursed per period (stacked by source or sector), the planned disbursements beside
// them (by calendar or fiscal quarter or year), cumulative lines, the credit
// facilities' usage against their limits, a table of the same data and its CSV.
import { xlsxButton } from '../download.js';
import { h, clear, money, sumDecimals, table, sectorLabel, data as userText } from '../dom.js';
import { get, post, query } from '../api.js';
import { toCsv } from '../csv.js';
import { reference } from '../reference.js';
import { buildForm } from '../forms.js';
import { facilityCommand } from '../commands.js';
import { t, formatCompact, formatPercent, isIsoDate, language } from '../i18n.js';
import { sourceName, sectorText } from '../labels.js';
import { displayCurrency, currencyField } from '../currency.js';
import { reportingSection } from './reporting.js';

// Okabe–Ito: distinguishable with the common colour-vision deficiencies; committed bars solid, disbursed bars
// lighter with a border, so they differ in print (greyscale) too. The cumulative lines have colours of their own
// (dark blue, solid; vermilion, dashed), apart from every bar colour.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#F0E442', '#999999', '#000000'];
const CUMULATIVE = { committed: '#002F6C', disbursed: '#D55E00' };
// the planned disbursements: an outlined, dashed bar in a wine red of their own (no bar or line has it)
const PLANNED = '#882255';

/**
 * When one period dwarfs the others (its stacked bar over four times the next tallest), the per-period axis is
 * capped at 1.25 × the next tallest and the tallest bar is labelled with its value, so the other periods stay
 * readable (a logarithmic axis would not stack, nor show zero or a negative correction). The "full scale" box
 * turns the cap off. Returns {max, outliers: [{index, total}]} or null.
 */
function cap(datasets, periods) {
  const totals = periods.map((_, i) => Math.max(0, ...['committed', 'disbursed'].map((stack) => datasets
    .filter((d) => d.type === 'bar' && d.stack === stack).reduce((sum, d) => sum + Math.max(0, d.data[i]), 0))));
  const sorted = [...totals].sort((a, b) => b - a);
  if (sorted.length < 3 || sorted[1] <= 0 || sorted[0] <= 4 * sorted[1]) return null;
  const max = 1.25 * sorted[1];
  return { max, outliers: totals.map((total, index) => ({ index, total })).filter((o) => o.total > max) };
}

/** The two axes' zero lines at the same height: both ranges get the same share below zero. */
function alignZeros(perPeriod, cumulative) {
  const share = (r) => (r.max > 0 ? Math.max(0, -r.min) / r.max : 0);
  const below = Math.max(share(perPeriod), share(cumulative));
  for (const r of [perPeriod, cumulative]) {
    if (r.max <= 0) r.max = 1;
    r.min = -below * r.max;
  }
}

function settingsFrom(q) {
  return {
    interval: ['MONTH', 'QUARTER', 'YEAR'].includes(q.get('interval')) ? q.get('interval') : 'QUARTER',
    groupBy: ['SOURCE', 'SECTOR', 'NONE'].includes(q.get('groupBy')) ? q.get('groupBy') : 'SOURCE',
    from: q.get('from') || '',
    to: q.get('to') || '',
    fiscalYearStart: /^([1-9]|1[0-2])$/.test(q.get('fiscalYearStart') || '') ? q.get('fiscalYearStart') : '',
  };
}

/** The months a fiscal year may start in, named in the page's language; '' keeps the configured start. */
function fiscalMonths() {
  const name = new Intl.DateTimeFormat(language(), { month: 'long', timeZone: 'UTC' });
  return [['', t('ui.funding.fiscalYearStart.default')],
    ...Array.from({ length: 12 }, (_, i) => [String(i + 1), name.format(new Date(Date.UTC(2025, i, 1)))])];
}

function dateField(id, label, value) {
  return h('div', { class: 'field' }, h('label', { for: id }, label),
    h('input', { type: 'text', id, value, inputmode: 'numeric', maxlength: '10', pattern: '\\d{4}-\\d{2}-\\d{2}', placeholder: t('ui.form.datePlaceholder'), autocomplete: 'off' }));
}

function select(id, label, values, selected) {
  return h('div', { class: 'field' }, h('label', { for: id }, label),
    h('select', { id }, values.map(([value, text]) => h('option', { value, selected: value === selected }, text))));
}

export async function render(main, ctx) {
  const settings = settingsFrom(ctx.query);
  const controls = h('form', { class: 'toolbar', 'aria-label': t('ui.funding.settings') },
    select('funding-interval', t('ui.funding.interval'), [['MONTH', t('ui.funding.interval.month')], ['QUARTER', t('ui.funding.interval.quarter')], ['YEAR', t('ui.funding.interval.year')]], settings.interval),
    select('funding-group', t('ui.funding.groupBy'), [['SOURCE', t('ui.funding.groupBy.source')], ['SECTOR', t('ui.funding.groupBy.sector')], ['NONE', t('ui.funding.groupBy.none')]], settings.groupBy),
    select('funding-fiscal', t('ui.funding.fiscalYearStart'), fiscalMonths(), settings.fiscalYearStart),
    dateField('funding-from', t('ui.funding.from'), settings.from),
    dateField('funding-to', t('ui.funding.to'), settings.to),
    currencyField('funding-currency', () => load()),
    h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary' }, t('ui.funding.show'))));
  const error = h('div', { class: 'notice error', role: 'alert', hidden: true });
  const canvas = h('canvas', { id: 'funding-chart', role: 'img', 'aria-label': t('ui.funding.chartLabel') });
  const caption = h('figcaption', {}, t('ui.funding.chartCaption', { currency: displayCurrency() }));
  const headline = h('dl', { class: 'headline', id: 'funding-headline' });
  const fullScale = h('input', { type: 'checkbox', id: 'funding-full-scale' });
  const fullScaleField = h('p', { class: 'check-line', hidden: true }, fullScale, ' ', h('label', { for: 'funding-full-scale' }, t('ui.funding.fullScale')));
  const capNote = h('p', { class: 'muted', id: 'funding-cap-note', hidden: true }, t('ui.funding.capped'));
  const figure = h('figure', { class: 'chart' }, h('div', { class: 'chart-box' }, canvas), caption, capNote, fullScaleField);
  const download = h('a', { class: 'button secondary', id: 'csv-download', download: 'funding.csv', href: '#' }, t('ui.funding.downloadCsv'));
  const xlsx = xlsxButton('funding-xlsx', '/api/export/timeseries.xlsx');
  const tableBox = h('div', { id: 'funding-table' });
  const facilities = h('section', { class: 'facilities', 'aria-labelledby': 'facilities-heading' },
    h('div', { class: 'section-head' }, h('h2', { id: 'facilities-heading' }, t('ui.funding.facilities')),
      h('span', { class: 'downloads' }, xlsxButton('facilities-xlsx', '/api/export/facilities.xlsx'))),
    h('div', { id: 'facility-list' }));
  const facility = facilityCommand();
  if (ctx.session.can(facility.role)) {
    const form = buildForm({
      id: 'form-facility', description: facility.description, fields: facility.fields,
      submitLabel: facility.title,
      onSubmit: (body, values, headers) => post(facility.path(), body, headers),
      onSuccess: (result, f) => {
        f.reset();
        ctx.announce(t('ui.funding.facilityCreated', { id: result.facilityId || '' }));
        setTimeout(load, 300);
      },
    });
    facilities.append(h('details', { class: 'command', id: 'command-facility' }, h('summary', {}, facility.title), form));
  }
  main.append(h('h1', {}, t('ui.funding.title')), controls, error, headline, figure,
    h('div', { class: 'section-head' }, h('h2', { id: 'table-heading' }, t('ui.funding.figures')), h('span', { class: 'downloads' }, download, ' ', xlsx)), tableBox, facilities);
  if (ctx.session.can('FINANCE') || ctx.session.can('AUDITOR')) main.append(reportingSection(ctx));

  const ref = await reference().catch(() => ({ sectorName: new Map() }));
  let chart = null;
  let csvUrl = null;

  const groupName = (group, groupBy) => {
    // a plan of the whole project names no commitment, so no source
    if (group === 'UNALLOCATED') return t('ui.funding.group.unallocated');
    if (groupBy === 'SOURCE') return sourceName(group);
    if (groupBy === 'SECTOR') return ref.sectorName.get(group) ? `${sectorText(group, ref.sectorName.get(group))} (${group})` : group;
    return t('ui.funding.total');
  };

  // a quarter as the language writes it ("2024-Q2" → "2-й квартал 2024 г.", "FY2025 Q3" → "3-й квартал 2025
  // финансового года"); months (2024-05) and years (2024, FY2025) stay as the API labels them
  const periodName = (period) => {
    const quarter = /^(\d{4})-Q([1-4])$/.exec(period || '');
    if (quarter) return t('ui.funding.period.quarter', { year: quarter[1], quarter: quarter[2] });
    const fiscal = /^FY(\d{4}) Q([1-4])$/.exec(period || '');
    return fiscal ? t('ui.funding.period.fiscalQuarter', { year: fiscal[1], quarter: fiscal[2] }) : period;
  };

  // in the table a sector shows its English name marked as such (lang="en", EN)
  const groupCell = (group, groupBy) => (groupBy === 'SECTOR' && ref.sectorName.get(group)
    ? h('span', {}, sectorLabel(group, ref.sectorName.get(group)), ` (${group})`) : groupName(group, groupBy));

  const load = async () => {
    // a late call (a change notification, a reference answer) after the reader left the page does nothing
    if (!ctx.isCurrent()) return;
    const s = {
      interval: document.getElementById('funding-interval').value,
      groupBy: document.getElementById('funding-group').value,
      from: document.getElementById('funding-from').value,
      to: document.getElementById('funding-to').value,
      fiscalYearStart: document.getElementById('funding-fiscal').value,
    };
    for (const key of ['from', 'to']) {
      if (s[key] && !isIsoDate(s[key])) {
        error.hidden = false;
        error.textContent = t('ui.form.error.date', { value: s[key] });
        return;
      }
    }
    history.replaceState(null, '', `#/funding${query(s)}`);
    xlsx.update({ ...s, displayCurrency: displayCurrency() });
    let points;
    let facilityList;
    try {
      [points, facilityList] = await Promise.all([
        get(`/api/funding/timeseries${query({ ...s, displayCurrency: displayCurrency() })}`), get('/api/facilities')]);
      error.hidden = true;
    } catch (e) {
      error.hidden = false;
      error.textContent = e.userMessage || e.message;
      return;
    }
    if (!ctx.isCurrent()) return;
    drawChart(points, s);
    drawTable(points, s);
    drawFacilities(facilityList);
  };

  const drawChart = (points, s) => {
    const periods = [...new Map(points.map((p) => [p.period, p])).values()];
    const groups = [...new Set(points.map((p) => p.group))];
    const value = (group, period, key) => {
      const point = points.find((p) => p.group === group && p.period === period);
      return point ? point[key] : '0';
    };
    const datasets = [];
    groups.forEach((group, i) => {
      const color = PALETTE[i % PALETTE.length];
      for (const [key, label, alpha] of [['committed', 'ui.funding.series.committed', 'ff'], ['disbursed', 'ui.funding.series.disbursed', '80']]) {
        const exact = periods.map((p) => value(group, p.period, key));
        datasets.push({
          type: 'bar', label: t(label, { group: groupName(group, s.groupBy) }), stack: key, exact, data: exact.map(Number),
          backgroundColor: color + alpha, borderColor: color, borderWidth: key === 'disbursed' ? 1 : 0, yAxisID: 'y', pointStyle: 'rect',
        });
      }
    });
    // planned beside actual: the planned disbursements due in each period (p.planned), drawn as an outlined, dashed
    // bar of their own stack next to the disbursed ones
    if (points.some((p) => Number(p.planned) !== 0 || (p.unconvertedPlanned || []).length)) {
      const exact = periods.map((p) => sumDecimals(groups.map((g) => value(g, p.period, 'planned'))));
      datasets.push({
        type: 'bar', label: t('ui.funding.series.planned'), stack: 'planned', exact, data: exact.map(Number), yAxisID: 'y',
        backgroundColor: 'rgba(0,0,0,0)', borderColor: PLANNED, borderWidth: 2, borderDash: [4, 3], pointStyle: 'rect',
      });
    }
    for (const [key, label, dash, color, point] of [['cumulativeCommitted', 'ui.funding.series.cumulativeCommitted', [], CUMULATIVE.committed, 'circle'],
      ['cumulativeDisbursed', 'ui.funding.series.cumulativeDisbursed', [6, 4], CUMULATIVE.disbursed, 'triangle']]) {
      const exact = periods.map((p) => sumDecimals(groups.map((g) => value(g, p.period, key))));
      datasets.push({
        type: 'line', label: t(label), exact, data: exact.map(Number), yAxisID: 'y2', borderColor: color, backgroundColor: color,
        borderDash: dash, borderWidth: 2, pointRadius: 3, pointStyle: point, tension: 0,
      });
    }
    const data = { labels: periods.map((p) => periodName(p.period)), datasets };
    if (typeof window.Chart !== 'function') {
      figure.dataset.state = 'no-chart-library';
      return;
    }
    const currency = points.length ? points[0].currency : displayCurrency();
    const planning = datasets.some((d) => d.stack === 'planned');
    caption.textContent = t('ui.funding.chartCaption', { currency }) + (planning ? ` ${t('ui.funding.chartCaption.planned')}` : '');
    const axis = (v) => t('ui.format.money', { amount: formatCompact(Number(v)), currency });
    // headline: the totals of the periods shown and how much of the committed money is disbursed
    const committedTotal = sumDecimals(points.map((p) => p.committed));
    const disbursedTotal = sumDecimals(points.map((p) => p.disbursed));
    const plannedTotal = sumDecimals(points.map((p) => p.planned || '0'));
    clear(headline).append(
      h('div', {}, h('dt', {}, t('ui.funding.headline.committed')), h('dd', { id: 'headline-committed' }, money(committedTotal, currency))),
      h('div', {}, h('dt', {}, t('ui.funding.headline.disbursed')), h('dd', { id: 'headline-disbursed' }, money(disbursedTotal, currency))),
      h('div', {}, h('dt', {}, t('ui.funding.headline.utilisation')), h('dd', { id: 'headline-utilisation' },
        Number(committedTotal) > 0 ? formatPercent((100 * Number(disbursedTotal)) / Number(committedTotal)) : '—')),
      // nothing planned: no ratio (a dash), never 0 %
      h('div', {}, h('dt', {}, t('ui.funding.headline.planned')), h('dd', { id: 'headline-planned' }, money(plannedTotal, currency))),
      h('div', {}, h('dt', {}, t('ui.funding.headline.ofPlanned')), h('dd', { id: 'headline-of-planned' },
        Number(plannedTotal) > 0 ? formatPercent((100 * Number(disbursedTotal)) / Number(plannedTotal)) : '—')));
    const stackRange = (i) => ['committed', 'disbursed', 'planned'].map((stack) => datasets.filter((d) => d.type === 'bar' && d.stack === stack))
      .map((list) => [list.reduce((sum, d) => sum + Math.min(0, d.data[i]), 0), list.reduce((sum, d) => sum + Math.max(0, d.data[i]), 0)]);
    const perPeriod = { min: 0, max: 0 };
    periods.forEach((_, i) => stackRange(i).forEach(([lo, hi]) => {
      perPeriod.min = Math.min(perPeriod.min, lo);
      perPeriod.max = Math.max(perPeriod.max, hi);
    }));
    const lines = datasets.filter((d) => d.type === 'line').flatMap((d) => d.data);
    const cumulative = { min: Math.min(0, ...lines), max: Math.max(0, ...lines) };
    const capped = fullScale.checked ? null : cap(datasets, periods);
    if (capped) perPeriod.max = capped.max;
    capNote.hidden = !capped;
    fullScaleField.hidden = !capped && !fullScale.checked;
    perPeriod.max *= 1.05;
    cumulative.max *= 1.05;
    alignZeros(perPeriod, cumulative);
    figure.dataset.capped = capped ? 'true' : 'false';
    const outlierLabels = {
      id: 'outlierLabels',
      afterDatasetsDraw(c) {
        if (!capped) return;
        const { ctx: g, chartArea } = c;
        g.save();
        g.fillStyle = '#000';
        g.font = '600 12px system-ui, sans-serif';
        g.textAlign = 'center';
        for (const o of capped.outliers) {
          const x = c.scales.x.getPixelForValue(o.index);
          g.fillText(`▲ ${t('ui.format.money', { amount: formatCompact(o.total), currency })}`, x, chartArea.top + 12);
        }
        g.restore();
      },
    };
    if (chart) chart.destroy();
    chart = new window.Chart(canvas, {
      data,
      plugins: [outlierLabels],
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { stacked: true },
          y: { stacked: true, min: perPeriod.min, max: perPeriod.max, title: { display: true, text: t('ui.funding.axis.perPeriod', { currency }) }, ticks: { callback: axis }, grid: { color: (c) => (c.tick.value === 0 ? '#444' : '#e3e3e3') } },
          y2: { position: 'right', min: cumulative.min, max: cumulative.max, grid: { drawOnChartArea: false }, title: { display: true, text: t('ui.funding.axis.cumulative', { currency }) }, ticks: { callback: axis } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 14 } },
          tooltip: { callbacks: { label: (c) => t('ui.funding.tooltip', { series: c.dataset.label, amount: money(c.dataset.exact[c.dataIndex], currency) }) } },
        },
      },
    });
    figure.dataset.points = String(points.length);
  };

  const drawTable = (points, s) => {
    const columns = [
      { label: t('ui.funding.col.period'), class: 'date', value: (p) => periodName(p.period) },
      ...(s.groupBy === 'NONE' ? [] : [{ label: s.groupBy === 'SOURCE' ? t('ui.funding.col.source') : t('ui.funding.col.sector'), value: (p) => groupCell(p.group, s.groupBy) }]),
      { label: t('ui.funding.col.committed'), class: 'num', value: (p) => money(p.committed, p.currency) },
      { label: t('ui.funding.col.disbursed'), class: 'num', value: (p) => money(p.disbursed, p.currency) },
      { label: t('ui.funding.col.cumulativeCommitted'), class: 'num', value: (p) => money(p.cumulativeCommitted, p.currency) },
      { label: t('ui.funding.col.cumulativeDisbursed'), class: 'num', value: (p) => money(p.cumulativeDisbursed, p.currency) },
      { label: t('ui.funding.col.unconverted'), value: (p) => (p.unconverted || []).map((u) => t('ui.money.committedDisbursed', { committed: money(u.committed, u.currency), disbursed: money(u.disbursed, u.currency) })).join('; ') },
      { label: t('ui.funding.col.planned'), class: 'num', value: (p) => money(p.planned || '0', p.currency) },
      { label: t('ui.funding.col.unconvertedPlanned'), value: (p) => (p.unconvertedPlanned || []).map((m) => money(m.amount, m.currency)).join('; ') },
    ];
    const captions = { MONTH: 'ui.funding.caption.month', QUARTER: 'ui.funding.caption.quarter', YEAR: 'ui.funding.caption.year' };
    clear(tableBox).append(table(t(captions[s.interval] || captions.QUARTER), columns, points,
      { rowClass: (p) => (Number(p.committed) || Number(p.disbursed) || Number(p.planned) ? 'moved' : 'quiet') }));
    const header = ['period', 'periodStart', 'periodEnd', 'group', 'groupName', 'currency', 'committed', 'disbursed',
      'cumulativeCommitted', 'cumulativeDisbursed', 'unconverted', 'planned', 'unconvertedPlanned'];
    const rows = points.map((p) => [p.period, p.periodStart, p.periodEnd, p.group, groupName(p.group, s.groupBy), p.currency,
      p.committed, p.disbursed, p.cumulativeCommitted, p.cumulativeDisbursed,
      (p.unconverted || []).map((u) => `${u.currency} ${u.committed} committed, ${u.disbursed} disbursed`).join('; '),
      p.planned || '0', (p.unconvertedPlanned || []).map((m) => `${m.currency} ${m.amount}`).join('; ')]);
    if (csvUrl) URL.revokeObjectURL(csvUrl);
    csvUrl = URL.createObjectURL(new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }));
    download.href = csvUrl;
    download.download = `funding-${s.interval.toLowerCase()}-${s.groupBy.toLowerCase()}.csv`;
  };

  const drawFacilities = (list) => {
    // a redraw (after a change elsewhere) keeps the lender's views the reader opened open, read again
    const opened = new Set([...document.querySelectorAll('#facility-list details.lender[open]')].map((d) => d.id));
    const box = clear(document.getElementById('facility-list'));
    if (!list.length) {
      box.append(h('p', { class: 'empty' }, t('ui.funding.noFacilities')));
      return;
    }
    for (const f of list) {
      const used = Number(f.committed.amount);
      const limit = Number(f.limit.amount);
      const percent = limit > 0 ? (100 * used) / limit : 0;
      const barId = `facility-${f.facilityId}`;
      box.append(h('div', { class: 'facility', dataset: { facilityId: f.facilityId } },
        h('h3', { id: `${barId}-label` }, userText(f.name), ' ', h('span', { class: 'muted' }, '(', userText(f.facilityId), ', ', userText(f.lender), `, ${f.validFrom} – ${f.validTo})`)),
        h('div', { class: 'meter' }, h('progress', { id: barId, max: String(limit), value: String(used), 'aria-labelledby': `${barId}-label`, 'aria-describedby': `${barId}-text` })),
        h('p', { id: `${barId}-text`, class: 'facility-figures' },
          t('ui.funding.facilityUsage', { committed: money(f.committed), limit: money(f.limit), percent: formatPercent(percent), remaining: money(f.remaining) }),
          ' ', t('ui.funding.facilityCommitments', { count: f.projects.length })),
        lenderView(f)));
    }
    for (const id of opened) {
      const details = document.getElementById(id);
      if (details) details.open = true;
    }
  };

  // The lender's view of one facility, read when opened: every commitment drawing on it and the totals per currency.
  const lenderView = (f) => {
    const box = h('div', { class: 'lender-view' });
    const details = h('details', { class: 'lender', id: `lender-${f.facilityId}` },
      h('summary', {}, t('ui.funding.lender.title')), box);
    details.addEventListener('toggle', async () => {
      if (!details.open || box.dataset.loaded) return;
      box.dataset.loaded = 'true';
      try {
        const view = await get(`/api/facilities/${encodeURIComponent(f.facilityId)}/loans`);
        const amount = (m) => (m ? money(m) : '—');
        const figures = {
          committed: t('ui.funding.lender.col.committed'), disbursed: t('ui.funding.lender.col.disbursed'),
          undisbursed: t('ui.funding.lender.col.undisbursed'), cancelled: t('ui.funding.lender.col.cancelled'),
          repaid: t('ui.funding.lender.col.repaid'), outstanding: t('ui.funding.lender.col.outstanding'),
          arrears: t('ui.funding.lender.col.arrears'),
        };
        const columns = [
          { label: t('ui.funding.lender.col.loan'), value: (l) => (l.total ? t('ui.funding.lender.total', { currency: l.currency })
            : h('span', {}, h('a', { href: `#/projects/${encodeURIComponent(l.projectId)}` }, userText(l.projectId)), ' · ', userText(l.fundingId))) },
          { label: t('ui.project.col.effectiveOn'), value: (l) => (l.total ? '' : l.effectiveOn || '—') },
          { label: t('ui.project.col.closingOn'), value: (l) => (l.total ? '' : l.closingOn || '—') },
          ...Object.entries(figures).map(([k, label]) => ({ label, class: 'num',
            value: (l) => (k === 'arrears' && !l.total && !l.scheduled ? t('ui.funding.lender.noSchedule') : amount(l[k])) }))];
        const rows = [...view.loans, ...view.totals.map((x) => ({ ...x, total: true }))];
        box.append(rows.length ? table(t('ui.funding.lender.caption', { date: view.asOf }), columns, rows,
          { rowClass: (l) => (l.total ? 'total' : null) }) : h('p', { class: 'empty' }, t('ui.funding.lender.none')));
        if (view.unmatched.length) {
          box.append(h('p', { class: 'notice warning' }, t('ui.funding.lender.unmatched', { ids: view.unmatched.map((u) => `${u.projectId} · ${u.fundingId}`).join(', ') })));
        }
      } catch (err) {
        box.append(h('p', { class: 'error', role: 'alert' }, err.userMessage || err.message));
      }
    });
    return details;
  };

  controls.addEventListener('submit', (e) => {
    e.preventDefault();
    load();
  });
  for (const id of ['funding-interval', 'funding-group', 'funding-fiscal']) document.getElementById(id).addEventListener('change', load);
  fullScale.addEventListener('change', load);

  await load();

  let timers = [];
  return {
    onChange(change) {
      if (change.initial) return;
      if (!change.reload && !(change.projects || []).length && !(change.facilities || []).length) return;
      // the funding read models follow the event store within milliseconds: read again shortly, then once more
      timers.forEach(clearTimeout);
      timers = [setTimeout(load, 300), setTimeout(load, 1500)];
    },
    destroy() {
      timers.forEach(clearTimeout);
      if (chart) chart.destroy();
      if (csvUrl) URL.revokeObjectURL(csvUrl);
    },
  };
}
