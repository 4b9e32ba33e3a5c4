// The portfolio list: a table of projects beside the board, a page at a time from the server (GET /api/projects with
// sort=field,dir, page and size), sortable by every column the server can order by (committed and disbursed as converted
// to the display currency, the projects with an amount without a rate last), with the board's search and
// filters plus stage and IATI status, a choice of columns, and everything in the address (#/list?…) so a view can be
// shared. Sortable headers are buttons with aria-sort; on a phone the table scrolls sideways with the project column
// kept in view.
import { h, clear, sectorLabel, data as userText } from '../dom.js';
import { get, query } from '../api.js';
import { reference } from '../reference.js';
import { t, formatCount, formatInstant } from '../i18n.js';
import {
  STAGES, stageName, activityStatusName, regionName, sectorText, DATA_QUALITY_FLAGS, dataQualityShortName,
} from '../labels.js';
import { displayCurrency, currencyField, convertedTotal } from '../currency.js';
import { recordedText } from '../content.js';
import { xlsxButton } from '../download.js';

const SIZES = ['20', '50', '100', '200'];
const STATUSES = ['1', '2', '3', '4', '5', '6'];

/** Every column: its key, header, sort field (null: the server cannot order by it) and cell. */
const COLUMNS = [
  { key: 'projectId', label: 'ui.list.col.projectId', sort: 'projectId', cell: (p) => h('a', { href: `#/projects/${encodeURIComponent(p.projectId)}` }, userText(p.projectId)) },
  { key: 'title', label: 'ui.list.col.title', sort: 'title', cell: (p) => h('span', {}, ...recordedText(p.titles, p.language, p.title, 'span').filter(Boolean)) },
  { key: 'sector', label: 'ui.list.col.sector', sort: 'sector', cell: (p) => sectorLabel(p.sector, p.sectorName) },
  { key: 'region', label: 'ui.list.col.region', sort: 'region', cell: (p) => regionName(p.region) },
  { key: 'stage', label: 'ui.list.col.stage', sort: 'stage', cell: (p) => stageName(p.stage) },
  { key: 'iatiStatus', label: 'ui.list.col.iatiStatus', sort: null, cell: (p) => activityStatusName(p.iatiStatus) },
  { key: 'proposedOn', label: 'ui.list.col.proposedOn', sort: 'proposedOn', class: 'date', cell: (p) => p.proposedOn },
  { key: 'committed', label: 'ui.list.col.committed', sort: 'committed', class: 'num', cell: (p) => convertedTotal(p.converted.committed, p.converted.currency, p.converted.unconverted.some((u) => Number(u.committed) !== 0)) },
  { key: 'disbursed', label: 'ui.list.col.disbursed', sort: 'disbursed', class: 'num', cell: (p) => convertedTotal(p.converted.disbursed, p.converted.currency, p.converted.unconverted.some((u) => Number(u.disbursed) !== 0)) },
  { key: 'lastEventAt', label: 'ui.list.col.lastEventAt', sort: 'lastEventAt', class: 'date', cell: (p) => (p.lastEventAt ? formatInstant(p.lastEventAt) : '—') },
];
const DEFAULT_COLUMNS = ['projectId', 'title', 'sector', 'region', 'stage', 'proposedOn', 'committed', 'disbursed'];

function stateFrom(q) {
  const sort = /^(\w+),(asc|desc)$/.exec(q.get('sort') || '');
  const cols = (q.get('cols') || '').split(',').filter((c) => COLUMNS.some((x) => x.key === c));
  return {
    q: q.get('q') || '',
    stage: STAGES.includes(q.get('stage')) ? q.get('stage') : '',
    iatiStatus: STATUSES.includes(q.get('iatiStatus')) ? q.get('iatiStatus') : '',
    sector: q.get('sector') || '',
    region: q.get('region') || '',
    flag: Object.keys(DATA_QUALITY_FLAGS).includes(q.get('flag')) ? q.get('flag') : '',
    funder: (q.get('funder') || '').trim(),
    fiscalYear: /^FY\d{4}$/.test(q.get('fiscalYear') || '') ? q.get('fiscalYear') : '',
    sort: sort && COLUMNS.some((c) => c.sort === sort[1]) ? `${sort[1]},${sort[2]}` : 'projectId,asc',
    page: Math.max(0, Number.parseInt(q.get('page') || '0', 10) || 0),
    size: SIZES.includes(q.get('size')) ? q.get('size') : '50',
    cols: cols.length ? cols : DEFAULT_COLUMNS,
  };
}

/** The fiscal years to choose from: ten back and three ahead of this one, newest first. */
function fiscalYears() {
  const now = new Date().getFullYear();
  return Array.from({ length: 14 }, (_, i) => `FY${now + 3 - i}`);
}

function select(id, label, options, selected) {
  return h('div', { class: 'field' }, h('label', { for: id }, label),
    h('select', { id }, options.map(([value, text]) => h('option', { value, selected: value === selected }, text))));
}

export async function render(main, ctx) {
  const state = stateFrom(ctx.query);
  const ref = await reference().catch(() => ({ regions: [], sectors: [] }));
  const collator = new Intl.Collator(document.documentElement.lang);
  const regions = [...ref.regions].map((r) => [r.name || r, regionName(r.name || r)]).sort((a, b) => collator.compare(a[1], b[1]));
  const sectors = [...ref.sectors].map((s) => [s.code, `${sectorText(s.code, s.name)} (${s.code})`]).sort((a, b) => collator.compare(a[1], b[1]));
  const search = h('input', { type: 'search', id: 'list-search', value: state.q, placeholder: t('ui.board.searchPlaceholder') });
  const filters = h('form', { class: 'toolbar', role: 'search', 'aria-label': t('ui.board.filterLabel') },
    h('div', { class: 'field' }, h('label', { for: 'list-search' }, t('ui.board.search')), search),
    select('list-stage', t('ui.list.stage'), [['', t('ui.list.allStages')], ...STAGES.map((s) => [s, stageName(s)])], state.stage),
    select('list-iatiStatus', t('ui.list.iatiStatus'), [['', t('ui.list.allStatuses')], ...STATUSES.map((s) => [s, `${s} ${activityStatusName(s)}`])], state.iatiStatus),
    select('list-sector', t('ui.board.sector'), [['', t('ui.board.allSectors')], ...sectors], state.sector),
    select('list-region', t('ui.board.region'), [['', t('ui.board.allRegions')], ...regions], state.region),
    select('list-flag', t('ui.board.flag'), [['', t('ui.list.allFlags')], ...Object.keys(DATA_QUALITY_FLAGS).map((f) => [f, dataQualityShortName(f)])], state.flag),
    h('div', { class: 'field' }, h('label', { for: 'list-funder' }, t('ui.list.funder')),
      h('input', { type: 'text', id: 'list-funder', value: state.funder, maxlength: '200', autocomplete: 'off' })),
    select('list-fiscalYear', t('ui.list.fiscalYear'), [['', t('ui.list.allYears')], ...fiscalYears().map((y) => [y, y])], state.fiscalYear),
    select('list-size', t('ui.list.pageSize'), SIZES.map((s) => [s, s]), state.size),
    currencyField('list-currency', () => load()),
    h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary', id: 'list-apply' }, t('ui.list.apply'))));
  const columnChoice = h('details', { class: 'column-choice', id: 'list-columns' }, h('summary', {}, t('ui.list.columns')),
    h('fieldset', {}, h('legend', { class: 'visually-hidden' }, t('ui.list.columns')),
      COLUMNS.map((c) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', value: c.key, checked: state.cols.includes(c.key), disabled: c.key === 'projectId' }), ' ', t(c.label)))));
  const download = xlsxButton('list-download', '/api/export/projects.xlsx', {});
  const summary = h('p', { class: 'list-summary', id: 'list-summary', role: 'status' });
  const tableBox = h('div', { id: 'list-table' });
  const pager = h('nav', { class: 'pager', 'aria-label': t('ui.list.pages') });
  main.append(h('div', { class: 'section-head' }, h('h1', {}, t('ui.list.title')), download), filters, columnChoice, summary, tableBox, pager);

  const address = () => {
    const params = {
      q: state.q, stage: state.stage, iatiStatus: state.iatiStatus, sector: state.sector, region: state.region, flag: state.flag,
      funder: state.funder, fiscalYear: state.fiscalYear,
      sort: state.sort === 'projectId,asc' ? '' : state.sort, page: state.page ? String(state.page) : '',
      size: state.size === '50' ? '' : state.size,
      cols: state.cols.join(',') === DEFAULT_COLUMNS.join(',') ? '' : state.cols.join(','),
    };
    history.replaceState(null, '', `#/list${query(params)}`);
  };

  const headerCell = (c) => {
    const [field, dir] = state.sort.split(',');
    const sorted = c.sort && c.sort === field;
    const ariaSort = sorted ? (dir === 'asc' ? 'ascending' : 'descending') : (c.sort ? 'none' : null);
    const th = h('th', { scope: 'col', class: c.class, 'aria-sort': ariaSort, dataset: { column: c.key } });
    if (!c.sort) {
      th.append(t(c.label));
      return th;
    }
    const button = h('button', { type: 'button', class: 'sort', id: `sort-${c.key}` }, t(c.label),
      h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, sorted ? (dir === 'asc' ? ' ▲' : ' ▼') : ''));
    button.addEventListener('click', () => {
      state.sort = `${c.sort},${sorted && dir === 'asc' ? 'desc' : 'asc'}`;
      state.page = 0;
      load(`sort-${c.key}`);
    });
    th.append(button);
    return th;
  };

  const read = () => get(`/api/projects${query({
    q: state.q, stage: state.stage, iatiStatus: state.iatiStatus, sector: state.sector, region: state.region, flag: state.flag,
    funder: state.funder, fiscalYear: state.fiscalYear,
    sort: state.sort, page: String(state.page), size: state.size, displayCurrency: displayCurrency(),
  })}`);
  // a project shown at an older version than a change names: the list (a read model) has not caught up yet
  const behind = (result, versions) => result.content.some((p) => versions && versions[p.projectId] !== undefined
    && p.version < versions[p.projectId]);

  const load = async (focusId, versions) => {
    address();
    download.update({ stage: state.stage, sector: state.sector, region: state.region });
    let result = await read();
    for (let attempt = 0; attempt < 12 && behind(result, versions) && ctx.isCurrent(); attempt += 1) {
      await new Promise((resolve) => { setTimeout(resolve, 100 + attempt * 100); });
      result = await read();
    }
    if (!ctx.isCurrent()) return;
    if (state.page > 0 && state.page >= result.totalPages) {
      state.page = Math.max(0, result.totalPages - 1);
      load(focusId, versions);
      return;
    }
    const shown = COLUMNS.filter((c) => state.cols.includes(c.key));
    const from = result.totalElements ? state.page * Number(state.size) + 1 : 0;
    summary.textContent = t('ui.list.summary', { from, to: from ? from + result.content.length - 1 : 0, count: result.totalElements });
    // ordered by a converted amount: the projects with an amount of that kind without a rate come last, never as zero
    if (['committed', 'disbursed'].includes(state.sort.split(',')[0])) summary.append(' ', t('ui.list.moneySortNote', { currency: displayCurrency() }));
    const tableEl = h('table', { class: 'data list-table' },
      h('caption', { class: 'visually-hidden' }, t('ui.list.caption')),
      h('thead', {}, h('tr', {}, shown.map(headerCell))),
      h('tbody', {}, result.content.map((p) => h('tr', { dataset: { projectId: p.projectId } },
        shown.map((c, i) => h(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, class: c.class, 'data-label': t(c.label) }, c.cell(p)))))));
    clear(tableBox).append(result.content.length ? h('div', { class: 'table-wrap list-wrap', tabindex: '0', role: 'region', 'aria-label': t('ui.list.caption') }, tableEl)
      : h('p', { class: 'empty' }, t('ui.list.empty')));
    const previous = h('button', { type: 'button', class: 'secondary', id: 'list-previous', disabled: state.page === 0 }, t('ui.list.previous'));
    const next = h('button', { type: 'button', class: 'secondary', id: 'list-next', disabled: state.page + 1 >= result.totalPages }, t('ui.list.next'));
    previous.addEventListener('click', () => { state.page -= 1; load('list-previous'); });
    next.addEventListener('click', () => { state.page += 1; load('list-next'); });
    clear(pager).append(previous, ' ', h('span', { id: 'list-page' }, t('ui.list.pageOf', { page: formatCount(state.page + 1), pages: formatCount(Math.max(1, result.totalPages)) })), ' ', next);
    if (focusId) {
      const target = document.getElementById(focusId);
      if (target && !target.disabled) target.focus();
    }
  };

  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    state.q = search.value.trim();
    for (const key of ['stage', 'iatiStatus', 'sector', 'region', 'flag', 'fiscalYear', 'size']) state[key] = document.getElementById(`list-${key}`).value;
    state.funder = document.getElementById('list-funder').value.trim();
    state.page = 0;
    load().catch((err) => ctx.announce(err.userMessage || err.message));
  });
  for (const key of ['stage', 'iatiStatus', 'sector', 'region', 'flag', 'fiscalYear', 'funder', 'size']) {
    document.getElementById(`list-${key}`).addEventListener('change', () => filters.requestSubmit());
  }
  columnChoice.addEventListener('change', () => {
    state.cols = [...columnChoice.querySelectorAll('input:checked')].map((i) => i.value);
    load();
  });

  await load();
  let timer = null;
  return {
    onChange(change) {
      if (change.initial || (!change.reload && !(change.projects || []).length)) return;
      clearTimeout(timer);
      timer = setTimeout(() => load(undefined, change.versions).catch((e) => console.warn('list refresh', e)), 300);
    },
    destroy() {
      clearTimeout(timer);
    },
  };
}
