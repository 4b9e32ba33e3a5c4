// Audit: verify the hash chain and the read models; rebuild the read models with a live progress bar; dead letters.
import { h, clear, table, instant, data as userText } from '../dom.js';
import { get, post, del, query, enc, ApiError } from '../api.js';
import { t, tParts, formatDecimal, formatInstant, formatMoney } from '../i18n.js';
import { sourceName, eventTypeName } from '../labels.js';

/** The read models (event processors), each with its name in the page's language. */
const PROCESSORS = {
  'project-status': 'ui.audit.readModel.projectStatus',
  pipeline: 'ui.audit.readModel.pipeline',
  milestones: 'ui.audit.readModel.milestones',
  alerts: 'ui.audit.readModel.alerts',
  'facility-usage': 'ui.audit.readModel.facilityUsage',
  approvals: 'ui.audit.readModel.approvals',
};

/** What is wrong with a row, by the kind the server reports. */
const ISSUES = {
  MISSING: 'ui.audit.verify.issue.missing',
  DIFFERENT: 'ui.audit.verify.issue.different',
  UNEXPLAINED: 'ui.audit.verify.issue.unexplained',
};

/** A read model's name; "all projections" is what the server calls a rebuild of every one. */
function readModelName(processor) {
  if (processor === 'all projections') return t('ui.audit.readModel.all');
  return PROCESSORS[processor] ? t(PROCESSORS[processor]) : processor;
}

function message(e) {
  return e instanceof ApiError ? e.userMessage : String(e.message || e);
}

function yesNo(ok, good, bad) {
  return h('span', { class: `verdict ${ok ? 'ok' : 'bad'}` }, ok ? `✔ ${good}` : `✘ ${bad}`);
}

/** "N events, up to global index G": how verify and rebuild say which events they went through. */
function eventCount(count, index) {
  return { count: Number(count) || 0, index: index === null || index === undefined || index < 0 ? '—' : String(index) };
}

/** One line per differing field (a column, or a document's field by its JSON path), else one per row. */
function differencesTable(differences) {
  const lines = differences.flatMap((d) => ((d.fields || []).length ? d.fields : [null]).map((f) => ({ d, f })));
  const row = ({ d }) => userText(`${d.table} ${JSON.stringify(d.key)}`);
  const field = ({ f }) => (f ? userText(f.path ? `${f.column} ${f.path}` : f.column, 'code') : '—');
  const value = (side) => ({ d, f }) => userText(f ? (f[side] === null || f[side] === undefined ? null : String(f[side]))
    : (d[side] ? JSON.stringify(d[side]) : null));
  return table(t('ui.audit.verify.differences'), [
    { label: t('ui.audit.verify.col.readModel'), value: ({ d }) => readModelName(d.processingGroup) },
    { label: t('ui.audit.verify.col.row'), value: row },
    { label: t('ui.audit.verify.col.issue'), value: ({ d }) => (ISSUES[d.kind] ? t(ISSUES[d.kind]) : userText(d.issue)) },
    { label: t('ui.audit.verify.col.field'), value: field },
    { label: t('ui.audit.verify.col.live'), value: value('live') },
    { label: t('ui.audit.verify.col.expected'), value: value('expected') },
  ], lines);
}

function verifySection(ctx) {
  const result = h('div', { id: 'verify-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'primary', id: 'verify' }, t('ui.audit.verify.button'));
  const head = h('p', { class: 'muted', id: 'chain-head' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    clear(result).append(h('p', {}, t('ui.audit.verify.running')));
    try {
      const v = await get('/api/audit/verify');
      clear(result).append(...[
        h('ul', { class: 'verdicts' },
          h('li', { id: 'chain-valid' }, yesNo(v.chainValid, t('ui.audit.verify.chainValid'),
            v.firstBrokenIndex !== null && v.firstBrokenIndex !== undefined ? t('ui.audit.verify.chainBrokenAt', { index: String(v.firstBrokenIndex) }) : t('ui.audit.verify.chainBroken')),
          ' ', h('span', { class: 'muted', id: 'chain-count' }, t('ui.audit.verify.chainChecked', eventCount(v.chainEventsChecked, v.chainUpToGlobalIndex))),
          v.chainProblem ? h('span', { class: 'muted' }, ' — ', userText(v.chainProblem)) : null),
          h('li', { id: 'projections-consistent' }, yesNo(v.projectionsConsistent, t('ui.audit.verify.consistent'), t('ui.audit.verify.inconsistent'))),
          h('li', { id: 'events-checked' }, t('ui.audit.verify.checked', { ...eventCount(v.eventsChecked, v.upToGlobalIndex), models: (v.projectionsChecked || []).map(readModelName).join(', ') }))),
        v.settled === false ? h('p', { class: 'notice warning', id: 'verify-unsettled' }, t('ui.audit.verify.unsettled')) : null,
        (v.differences || []).length ? differencesTable(v.differences) : null].filter(Boolean));
    } catch (e) {
      clear(result).append(h('p', { class: 'notice error', role: 'alert' }, message(e)));
    } finally {
      button.disabled = false;
    }
  });
  get('/api/audit/head').then((hd) => {
    clear(head).append(...tParts('ui.audit.verify.head', { index: String(hd.globalIndex ?? hd.index ?? '—'), hash: userText(hd.hash || hd.chainHash || '—', 'code') }));
  }).catch(() => { head.textContent = ''; });
  return h('section', { class: 'panel', 'aria-labelledby': 'verify-heading' },
    h('h2', { id: 'verify-heading' }, t('ui.audit.verify.title')),
    h('p', {}, t('ui.audit.verify.description')),
    head, button, result);
}

function replaySection(ctx) {
  const select = h('select', { id: 'replay-processor' }, h('option', { value: '' }, t('ui.audit.replay.allOption')),
    Object.keys(PROCESSORS).map((p) => h('option', { value: p }, readModelName(p))));
  const button = h('button', { type: 'button', class: 'primary', id: 'replay' }, t('ui.audit.replay.button'));
  const bar = h('progress', { id: 'replay-progress', max: '100', value: '0', 'aria-labelledby': 'replay-label' });
  const cancel = h('button', { type: 'button', id: 'replay-cancel', hidden: true }, t('ui.audit.replay.cancel'));
  const label = h('p', { id: 'replay-label', class: 'progress-label' }, t('ui.audit.replay.idle'));
  const error = h('p', { class: 'notice error', role: 'alert', hidden: true });
  let timer = null;
  const show = (s) => {
    const percent = Number(s.percent || 0);
    bar.value = percent;
    bar.dataset.state = s.state;
    const shownPercent = t('ui.format.percent', { value: formatDecimal(s.percent) });
    bar.setAttribute('aria-valuetext', shownPercent);
    if (s.state === 'IDLE') label.textContent = t('ui.audit.replay.idle');
    else {
      label.textContent = [
        t('ui.audit.replay.progress', { model: readModelName(s.processor), percent: shownPercent, processed: formatDecimal(s.processed), total: formatDecimal(s.total), index: eventCount(s.total, s.upToGlobalIndex).index }),
        s.eventsPerSecond ? t('ui.audit.replay.rate', { rate: formatDecimal(s.eventsPerSecond) }) : '',
        s.state === 'RUNNING' && s.secondsLeft != null ? t('ui.audit.replay.left', { seconds: formatDecimal(s.secondsLeft) }) : '',
        s.state === 'COMPLETED' ? t('ui.audit.replay.completed', { at: formatInstant(s.finishedAt) }) : '',
        s.state === 'CANCELLED' ? t('ui.audit.replay.cancelled') : '',
        s.state === 'FAILED' ? t('ui.audit.replay.failed', { reason: s.failure || '' }) : '',
      ].join('');
    }
    cancel.hidden = s.state !== 'RUNNING';
  };
  const poll = async () => {
    try {
      const s = await get('/api/admin/replay');
      show(s);
      if (s.state === 'RUNNING' && ctx.isCurrent()) timer = setTimeout(poll, 200);
      else {
        button.disabled = false;
        if (s.state === 'COMPLETED') ctx.announce(t('ui.audit.replay.done', { model: readModelName(s.processor) }));
      }
    } catch (e) {
      error.hidden = false;
      error.textContent = message(e);
      button.disabled = false;
    }
  };
  button.addEventListener('click', async () => {
    error.hidden = true;
    button.disabled = true;
    try {
      const s = await post(`/api/admin/replay${query({ processor: select.value })}`);
      show(s);
      clearTimeout(timer);
      poll();
    } catch (e) {
      error.hidden = false;
      error.textContent = message(e);
      button.disabled = false;
    }
  });
  cancel.addEventListener('click', async () => {
    try {
      show(await del('/api/admin/replay'));
    } catch (e) {
      error.hidden = false;
      error.textContent = message(e);
    }
  });
  get('/api/admin/replay').then((s) => {
    show(s);
    if (s.state === 'RUNNING') {
      button.disabled = true;
      poll();
    }
  }).catch((e) => {
    label.textContent = message(e);
  });
  const section = h('section', { class: 'panel', 'aria-labelledby': 'replay-heading' },
    h('h2', { id: 'replay-heading' }, t('ui.audit.replay.title')),
    h('p', {}, t('ui.audit.replay.description')),
    h('div', { class: 'toolbar' }, h('div', { class: 'field narrow' }, h('label', { for: 'replay-processor' }, t('ui.audit.replay.readModel')), select),
      h('div', { class: 'field actions' }, button, cancel)),
    h('div', { class: 'progress' }, bar, label), error);
  section.stop = () => clearTimeout(timer);
  return section;
}

function deadLetterSection(ctx) {
  const body = h('div', { id: 'dead-letters' });
  const load = async () => {
    try {
      const report = await get('/api/admin/dead-letters');
      clear(body);
      if (!report.total) {
        body.append(h('p', { class: 'empty' }, t('ui.audit.dead.none')));
        return;
      }
      for (const g of report.groups) {
        const retry = h('button', { type: 'button', class: 'secondary' }, t('ui.audit.dead.retry', { model: readModelName(g.processingGroup) }));
        retry.addEventListener('click', async () => {
          retry.disabled = true;
          try {
            const r = await post(`/api/admin/dead-letters/${enc(g.processingGroup)}/retry`);
            ctx.announce(t('ui.audit.dead.retried', { model: readModelName(g.processingGroup), result: JSON.stringify(r) }));
          } catch (e) {
            ctx.announce(message(e));
          }
          await load();
        });
        body.append(h('div', { class: 'section-head' }, h('h3', {}, t('ui.audit.dead.group', {
          model: readModelName(g.processingGroup), letters: t('ui.audit.dead.letters', { count: g.deadLetters }), projects: t('ui.audit.dead.projects', { count: g.sequences }),
        })), retry));
      }
      body.append(table(report.truncated ? t('ui.audit.dead.tableFirst') : t('ui.audit.dead.table'), [
        { label: t('ui.audit.dead.col.readModel'), value: (d) => readModelName(d.processingGroup) },
        { label: t('ui.audit.dead.col.project'), value: (d) => userText(d.sequenceIdentifier) },
        { label: t('ui.audit.dead.col.event'), value: (d) => userText(`${(d.payloadType || '').split('.').pop()} #${d.sequenceNumber ?? ''}`) },
        { label: t('ui.audit.dead.col.parkedAt'), value: (d) => instant(d.enqueuedAt) },
        { label: t('ui.audit.dead.col.cause'), value: (d) => (d.causeType ? userText(`${d.causeType.split('.').pop()}: ${d.causeMessage || ''}`) : t('ui.audit.dead.waiting')) },
      ], report.deadLetters));
    } catch (e) {
      clear(body).append(h('p', { class: 'notice' }, message(e)));
    }
  };
  load();
  const section = h('section', { class: 'panel', 'aria-labelledby': 'dead-heading' },
    h('h2', { id: 'dead-heading' }, t('ui.audit.dead.title')),
    h('p', {}, t('ui.audit.dead.description')),
    body);
  section.reload = load;
  return section;
}

/** A figure line of the restatements report: as known at the close, now, and the change, in its own currency. */
function figuresTable(caption, keyLabel, keyName, lines) {
  const money = (field) => (l) => formatMoney(l[field], l.currency);
  return table(caption, [
    { label: keyLabel, value: (l) => keyName(l.key) },
    { label: t('ui.audit.periods.col.committedAtClose'), value: money('committedAtClose'), class: 'num' },
    { label: t('ui.audit.periods.col.committedNow'), value: money('committedNow'), class: 'num' },
    { label: t('ui.audit.periods.col.committedChange'), value: money('committedChange'), class: 'num' },
    { label: t('ui.audit.periods.col.disbursedAtClose'), value: money('disbursedAtClose'), class: 'num' },
    { label: t('ui.audit.periods.col.disbursedNow'), value: money('disbursedNow'), class: 'num' },
    { label: t('ui.audit.periods.col.disbursedChange'), value: money('disbursedChange'), class: 'num' },
  ], lines);
}

/** Closed periods: the periods ever closed (close and reopen for ADMIN) and a closed period's restatements report. */
function periodsSection(ctx) {
  const admin = ctx.session.can('ADMIN');
  const list = h('div', { id: 'periods' });
  const error = h('p', { class: 'notice error', role: 'alert', hidden: true });
  const fail = (e) => {
    error.hidden = false;
    error.textContent = message(e);
  };
  const load = async () => {
    try {
      const periods = await get('/api/periods');
      clear(list);
      if (!periods.length) {
        list.append(h('p', { class: 'empty' }, t('ui.audit.periods.none')));
        return;
      }
      list.append(table(t('ui.audit.periods.table'), [
        { label: t('ui.audit.periods.col.period'), value: (p) => userText(p.period) },
        { label: t('ui.audit.periods.col.state'), value: (p) => (p.closed ? t('ui.audit.periods.closed') : t('ui.audit.periods.reopened')) },
        { label: t('ui.audit.periods.col.closedAt'), value: (p) => instant(p.closedAt) },
        { label: t('ui.audit.periods.col.closedBy'), value: (p) => userText(p.closedBy) },
        { label: t('ui.audit.periods.col.closeReason'), value: (p) => userText(p.closeReason) },
        { label: t('ui.audit.periods.col.reopenedAt'), value: (p) => instant(p.reopenedAt) },
        { label: t('ui.audit.periods.col.reopenReason'), value: (p) => userText(p.reopenReason) },
      ], periods));
    } catch (e) {
      clear(list).append(h('p', { class: 'notice' }, message(e)));
    }
  };
  const period = h('input', { id: 'period-name', type: 'text', placeholder: '2024-Q4', autocomplete: 'off', translate: 'no' });
  const reason = h('input', { id: 'period-reason', type: 'text', maxlength: '2000' });
  const act = (action) => async () => {
    error.hidden = true;
    try {
      await post(`/api/periods/${enc(period.value.trim())}/${action}`, { reason: reason.value });
      ctx.announce(t(action === 'close' ? 'ui.audit.periods.closedNow' : 'ui.audit.periods.reopenedNow', { period: period.value.trim() }));
      reason.value = '';
      await load();
    } catch (e) {
      fail(e);
    }
  };
  const close = h('button', { type: 'button', class: 'primary', id: 'period-close' }, t('ui.audit.periods.close'));
  const reopen = h('button', { type: 'button', class: 'secondary', id: 'period-reopen' }, t('ui.audit.periods.reopen'));
  close.addEventListener('click', act('close'));
  reopen.addEventListener('click', act('reopen'));
  const report = h('div', { id: 'restatements', 'aria-live': 'polite' });
  const show = h('button', { type: 'button', class: 'secondary', id: 'restatements-show' }, t('ui.audit.periods.report'));
  show.addEventListener('click', async () => {
    error.hidden = true;
    try {
      const r = await get(`/api/restatements${query({ period: period.value.trim() })}`);
      clear(report).append(
        h('h3', {}, ...tParts('ui.audit.periods.reportTitle', { period: userText(r.period), at: formatInstant(r.closedAt), by: userText(r.closedBy) })),
        r.restatements.length ? table(t('ui.audit.periods.restatements'), [
          { label: t('ui.audit.periods.col.project'), value: (e) => userText(e.projectId) },
          { label: t('ui.audit.periods.col.event'), value: (e) => eventTypeName(e.eventType) },
          { label: t('ui.audit.periods.col.effective'), value: (e) => userText(e.effectiveDate) },
          { label: t('ui.audit.periods.col.recordedAt'), value: (e) => instant(e.recordedAt) },
          { label: t('ui.audit.periods.col.recordedBy'), value: (e) => userText(e.recordedBy) },
          { label: t('ui.audit.periods.col.reason'), value: (e) => userText(e.reason) },
        ], r.restatements) : h('p', { class: 'empty' }, t('ui.audit.periods.noRestatements')),
        figuresTable(t('ui.audit.periods.bySource'), t('ui.audit.periods.col.source'), sourceName, r.bySource),
        figuresTable(t('ui.audit.periods.bySector'), t('ui.audit.periods.col.sector'), (key) => userText(key), r.bySector));
    } catch (e) {
      clear(report);
      fail(e);
    }
  });
  load();
  const section = h('section', { class: 'panel', 'aria-labelledby': 'periods-heading' },
    h('h2', { id: 'periods-heading' }, t('ui.audit.periods.title')),
    h('p', {}, ...tParts('ui.audit.periods.description', { quarter: userText('2024-Q4'), year: userText('FY2024') })),
    list,
    h('div', { class: 'toolbar' },
      h('div', { class: 'field narrow' }, h('label', { for: 'period-name' }, t('ui.audit.periods.period')), period),
      admin ? h('div', { class: 'field' }, h('label', { for: 'period-reason' }, t('ui.audit.periods.reason')), reason) : null,
      h('div', { class: 'field actions' }, admin ? close : null, admin ? reopen : null, show)),
    error, report);
  section.reload = load;
  return section;
}

export async function render(main, ctx) {
  main.append(h('h1', {}, t('ui.audit.title')));
  const sections = [];
  if (ctx.session.can('AUDITOR')) sections.push(verifySection(ctx));
  let replay = null;
  let dead = null;
  if (ctx.session.can('ADMIN')) {
    replay = replaySection(ctx);
    dead = deadLetterSection(ctx);
    sections.push(replay, dead);
  }
  let periods = null;
  if (ctx.session.can('FINANCE') || ctx.session.can('AUDITOR')) {
    periods = periodsSection(ctx);
    sections.push(periods);
  }
  if (!sections.length) main.append(h('p', { class: 'notice' }, t('ui.audit.needsRole')));
  main.append(...sections);
  return {
    onChange(change) {
      if (dead && !change.initial) dead.reload();
      if (periods && !change.initial) periods.reload();
    },
    destroy() {
      if (replay) replay.stop();
    },
  };
}
