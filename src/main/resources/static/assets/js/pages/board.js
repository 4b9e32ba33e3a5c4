// The pipeline board: a column per stage, a card per project; filters by sector, region and funding source; search
// (in what the cards show, and on the server: any title in any language, id, partner, any spelling of the region).
import { xlsxButton } from '../download.js';
import { h, clear, money, today, daysBetween, sumDecimals, sectorLabel, data as userText } from '../dom.js';
import { get } from '../api.js';
import {
  displayCurrency, currencyField, convertedTotal, unconvertedAmounts,
} from '../currency.js';
import { recordedText } from '../content.js';
import { t, formatCount, language } from '../i18n.js';
import {
  STAGES, DATA_QUALITY_FLAGS, stageName, sourceName, regionName, sectorText, stallKindName, sectorCategoryName,
  dataQualityShortName, dataQualityReason,
} from '../labels.js';

const FILTERS = ['q', 'sector', 'region', 'source', 'flag'];
/** The flag filter's value for a project with any data-quality flag. */
const ANY_FLAG = 'ANY';

async function loadAll() {
  const projects = [];
  for (let page = 0; ; page += 1) {
    const result = await get(`/api/projects?size=200&page=${page}&displayCurrency=${displayCurrency()}`);
    projects.push(...result.content);
    if (page + 1 >= result.totalPages) break;
  }
  const [overdue, alerts] = await Promise.all([get('/api/milestones?overdue=true'), get('/api/alerts')]);
  const overdueBy = new Map();
  for (const m of overdue) overdueBy.set(m.projectId, [...(overdueBy.get(m.projectId) || []), m]);
  const stalledBy = new Map();
  for (const a of alerts) stalledBy.set(a.projectId, [...(stalledBy.get(a.projectId) || []), a]);
  return { projects, overdueBy, stalledBy };
}

/** The ids GET /api/projects?q= finds (every page of them). */
async function searchServer(q) {
  const ids = new Set();
  for (let page = 0; ; page += 1) {
    const result = await get(`/api/projects?size=200&page=${page}&q=${encodeURIComponent(q)}`);
    result.content.forEach((p) => ids.add(p.projectId));
    if (page + 1 >= result.totalPages) return ids;
  }
}

/** found: what the server's search found for filter.q (null while it is asked). */
function matches(p, filter, found) {
  if (filter.sector && p.sector !== filter.sector) return false;
  if (filter.region && p.region !== filter.region) return false;
  if (filter.source && !(p.fundingSources || []).includes(filter.source)) return false;
  const flags = (p.dataQuality || []).map((f) => f.flag);
  if (filter.flag && !(filter.flag === ANY_FLAG ? flags.length > 0 : flags.includes(filter.flag))) return false;
  if (filter.q) {
    if (found && found.has(p.projectId)) return true;
    // what the card shows, in the page's language, and the API's own values
    const text = [p.projectId, p.title, ...Object.values(p.titles || {}), p.sectorName, p.sector,
      sectorCategoryName(String(p.sector).slice(0, 3)), p.region, regionName(p.region),
      ...(p.partners || []).flatMap((x) => [x.name, x.ref, ...Object.values(x.names || {})])].join(' ').toLowerCase();
    if (!filter.q.toLowerCase().split(/\s+/).every((word) => text.includes(word))) return false;
  }
  return true;
}

function card(p, data, now) {
  const overdue = data.overdueBy.get(p.projectId) || [];
  const stalled = data.stalledBy.get(p.projectId) || [];
  const days = p.stageSince ? daysBetween(p.stageSince, now) : null;
  const titleId = `card-${p.projectId}`;
  const partners = (p.partners || []).map((x) => x.name).join(', ');
  const quality = p.dataQuality || [];
  return h('li', { class: 'card', dataset: { projectId: p.projectId, stage: p.stage } },
    h('article', { 'aria-labelledby': titleId },
      h('h3', { id: titleId, class: 'card-title' },
        ...withSpace(recordedText(p.titles, p.language, p.title, 'a', { href: `#/projects/${encodeURIComponent(p.projectId)}` }))),
      h('p', { class: 'card-meta' }, sectorLabel(p.sector, p.sectorName, { title: t('ui.sector.dacCode', { code: p.sector }) }), ' · ',
        h('span', { class: 'region' }, regionName(p.region))),
      partners ? h('p', { class: 'card-partners' }, h('span', { class: 'visually-hidden' }, t('ui.board.card.partners'), ' '), userText(partners)) : null,
      h('dl', { class: 'card-figures' },
        h('div', {}, h('dt', {}, t('ui.board.card.committed')), h('dd', { class: 'committed' },
          convertedTotal(p.converted.committed, p.converted.currency, p.converted.unconverted.some((u) => Number(u.committed) !== 0)))),
        h('div', {}, h('dt', {}, t('ui.board.card.inStage')), h('dd', { class: 'days-in-stage', title: t('ui.board.card.since', { date: p.stageSince }) },
          days === null ? '—' : t('ui.common.days', { count: days })))),
      (overdue.length || stalled.length || p.converted.unconverted.length || quality.length) ? h('p', { class: 'badges' },
        quality.length ? h('span', { class: 'badge data-quality', title: quality.map((f) => dataQualityReason(f,
          (f.amounts || []).map((m) => money(m)).join(', '))).join('; ') }, quality.map((f) => dataQualityShortName(f.flag)).join(', ')) : null,
        overdue.length ? h('span', { class: 'badge overdue', title: overdue.map((m) => t('ui.board.card.overdueItem', { name: m.name || m.milestoneId, date: m.plannedOn })).join('; ') },
          t('ui.board.card.overdue', { count: overdue.length })) : null,
        stalled.length ? h('span', { class: 'badge stalled', title: stalled.map((a) => t('ui.board.card.stalledItem', { kind: stallKindName(a.kind), date: a.since })).join('; ') },
          t('ui.board.card.stalled', { count: Math.max(...stalled.map((a) => a.daysStalled)) })) : null,
        p.converted.unconverted.length ? h('span', {
          class: 'badge unconverted',
          title: t('ui.board.card.unconvertedHint', { currency: p.converted.currency }),
        }, t('ui.board.card.unconverted')) : null) : null));
}

/** [text, tag] → [text, ' ', tag], or [text] without a tag. */
function withSpace([text, tag]) {
  return tag ? [text, ' ', tag] : [text];
}

export async function render(main, ctx) {
  const filter = Object.fromEntries(FILTERS.map((f) => [f, ctx.query.get(f) || '']));
  const heading = h('h1', {}, t('ui.board.title'));
  const totals = h('p', { class: 'board-totals', id: 'board-totals' });
  const controls = {
    q: h('input', { type: 'search', id: 'board-search', value: filter.q, placeholder: t('ui.board.searchPlaceholder') }),
    sector: h('select', { id: 'board-sector' }),
    region: h('select', { id: 'board-region' }),
    source: h('select', { id: 'board-source' }),
    flag: h('select', { id: 'board-flag' }),
  };
  const reset = h('button', { type: 'button', class: 'secondary', id: 'board-clear' }, t('ui.board.clearFilters'));
  // the workbook holds the projects of the sector and region chosen (the export's filters)
  const download = xlsxButton('board-download', '/api/export/projects.xlsx', { sector: filter.sector, region: filter.region });
  const toolbar = h('form', { class: 'toolbar', role: 'search', 'aria-label': t('ui.board.filterLabel') },
    h('div', { class: 'field' }, h('label', { for: 'board-search' }, t('ui.board.search')), controls.q),
    h('div', { class: 'field' }, h('label', { for: 'board-sector' }, t('ui.board.sector')), controls.sector),
    h('div', { class: 'field' }, h('label', { for: 'board-region' }, t('ui.board.region')), controls.region),
    h('div', { class: 'field' }, h('label', { for: 'board-source' }, t('ui.board.source')), controls.source),
    h('div', { class: 'field' }, h('label', { for: 'board-flag' }, t('ui.board.flag')), controls.flag),
    currencyField('board-currency', () => ctx.redraw()),
    h('div', { class: 'field actions' }, reset, ' ', download));
  toolbar.addEventListener('submit', (e) => e.preventDefault());
  const columns = h('div', { class: 'board', id: 'board' });
  main.append(heading, totals, toolbar, columns);

  let data = await loadAll();

  // an option's data-en holds the English name it shows for want of a translation (5-digit DAC sectors)
  const fillSelect = (select, values, label, empty, english = () => null) => {
    const selected = filter[select.id.replace('board-', '')];
    clear(select).append(h('option', { value: '' }, empty),
      ...values.map(([value, text]) => h('option', { value, selected: value === selected, 'data-en': english(value) }, label(value, text))));
  };
  const fillFilters = () => {
    const collator = new Intl.Collator(document.documentElement.lang);
    const sectors = new Map(data.projects.map((p) => [p.sector, sectorText(p.sector, p.sectorName)]));
    const englishSector = new Map(data.projects.map((p) => [p.sector, language() === 'en' ? null : p.sectorName]));
    fillSelect(controls.sector, [...sectors].sort((a, b) => collator.compare(a[1], b[1])), (v, text) => text, t('ui.board.allSectors'),
      (v) => englishSector.get(v));
    const regions = new Map(data.projects.map((p) => [p.region, regionName(p.region)]));
    fillSelect(controls.region, [...regions].sort((a, b) => collator.compare(a[1], b[1])), (v, text) => text, t('ui.board.allRegions'));
    const sources = new Map(data.projects.flatMap((p) => p.fundingSources || []).map((s) => [s, sourceName(s)]));
    fillSelect(controls.source, [...sources].sort((a, b) => collator.compare(a[1], b[1])), (v, text) => text, t('ui.board.allSources'));
    fillSelect(controls.flag, [[ANY_FLAG, t('ui.board.anyFlag')], ...Object.keys(DATA_QUALITY_FLAGS).map((f) => [f, dataQualityShortName(f)])],
      (v, text) => text, t('ui.board.allFlags'));
  };

  // the server's search, asked once the typing pauses; the cards show what it found as soon as it answers
  const search = { q: '', found: null, timer: null };
  const askServer = (delay) => {
    clearTimeout(search.timer);
    const q = filter.q;
    if (!q) {
      search.q = '';
      search.found = null;
      return;
    }
    search.timer = setTimeout(async () => {
      try {
        const found = await searchServer(q);
        if (filter.q !== q || !ctx.isCurrent()) return;
        search.q = q;
        search.found = found;
        draw();
      } catch (e) {
        console.warn('board search', e);
      }
    }, delay);
  };

  const draw = () => {
    const now = today();
    const found = search.q === filter.q ? search.found : null;
    const shown = data.projects.filter((p) => matches(p, filter, found));
    clear(columns);
    for (const stage of STAGES) {
      const inStage = shown.filter((p) => p.stage === stage);
      if (inStage.length === 0 && (stage === 'SUSPENDED' || stage === 'CANCELLED')) continue;
      const headingId = `column-${stage.toLowerCase()}`;
      const column = h('section', { class: `column stage-${stage.toLowerCase()}`, 'aria-labelledby': headingId, dataset: { stage } },
        h('h2', { id: headingId }, stageName(stage), ' ', h('span', { class: 'count' }, `(${formatCount(inStage.length)})`)),
        inStage.length ? h('ul', { class: 'cards' }, inStage.map((p) => card(p, data, now)))
          : h('p', { class: 'empty' }, t('ui.board.empty')));
      column.style.setProperty('--grow', String(Math.max(1, Math.ceil(inStage.length / 5))));
      columns.append(column);
    }
    const currency = displayCurrency();
    const committed = sumDecimals(shown.map((p) => p.converted.committed));
    const disbursed = sumDecimals(shown.map((p) => p.converted.disbursed));
    totals.textContent = t('ui.board.totals', {
      shown: shown.length, count: data.projects.length, committed: money(committed, currency), disbursed: money(disbursed, currency),
    });
    // amounts without a rate are left out of the totals, never counted as zero: say which
    const excluded = new Map();
    for (const p of shown) {
      for (const u of p.converted.unconverted) {
        const sums = excluded.get(u.currency) || { currency: u.currency, committed: [], disbursed: [] };
        sums.committed.push(u.committed);
        sums.disbursed.push(u.disbursed);
        excluded.set(u.currency, sums);
      }
    }
    const amounts = [...excluded.values()].map((x) => unconvertedAmounts({
      currency: x.currency, committed: sumDecimals(x.committed), disbursed: sumDecimals(x.disbursed),
    }, ['committed', 'disbursed'])).filter(Boolean).join('; ');
    if (amounts) {
      totals.append(' ', h('span', { class: 'excluded', id: 'board-excluded' }, t('ui.board.totalsExclude', { currency, amounts })));
    }
    download.update({ sector: filter.sector, region: filter.region });
    const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v)).toString();
    history.replaceState(null, '', `#/board${query ? `?${query}` : ''}`);
  };

  for (const key of FILTERS) {
    controls[key].addEventListener(key === 'q' ? 'input' : 'change', () => {
      filter[key] = controls[key].value.trim();
      if (key === 'q') askServer(250);
      draw();
    });
  }
  reset.addEventListener('click', () => {
    for (const key of FILTERS) filter[key] = '';
    controls.q.value = '';
    askServer(0);
    fillFilters();
    draw();
  });

  fillFilters();
  draw();
  askServer(0);

  // live: re-read once the list has caught up with the versions the change names
  let pending = null;
  const caughtUp = (projects, versions) => Object.entries(versions || {}).every(([id, version]) => {
    const p = projects.find((x) => x.projectId === id);
    return p && p.version >= version;
  });
  const refresh = async (change) => {
    for (let attempt = 0; attempt < 25; attempt += 1) {
      const next = await loadAll();
      if (caughtUp(next.projects, change.versions) || attempt === 24) {
        data = next;
        return;
      }
      await new Promise((resolve) => { setTimeout(resolve, 40 + attempt * 40); });
    }
  };
  return {
    onChange(change) {
      if (!change.reload && !(change.projects || []).length) return;
      if (!change.reload && caughtUp(data.projects, change.versions)) return;
      pending = (pending || Promise.resolve()).then(async () => {
        if (!ctx.isCurrent()) return;
        await refresh(change);
        if (!ctx.isCurrent()) return;
        fillFilters();
        draw();
        askServer(0);
        if (!change.initial && !change.replayed) ctx.announce(t('ui.board.updated'));
      }).catch((e) => console.warn('board refresh', e));
    },
  };
}
