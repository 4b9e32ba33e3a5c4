// Audit: verify the hash chain and the read models; rebuild the read models with a live progress bar; dead letters.
import { h, clear, table, instant, data as userText } from '../dom.js';
import { get, post, del, query, enc, ApiError } from '../api.js';
import { t, tParts, formatDecimal, formatInstant } from '../i18n.js';

/** The read models (event processors), each with its name in the page's language. */
const PROCESSORS = {
  'project-status': 'ui.audit.readModel.projectStatus',
  pipeline: 'ui.audit.readModel.pipeline',
  milestones: 'ui.audit.readModel.milestones',
  alerts: 'ui.audit.readModel.alerts',
  'facility-usage': 'ui.audit.readModel.facilityUsage',
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
  if (!sections.length) main.append(h('p', { class: 'notice' }, t('ui.audit.needsRole')));
  main.append(...sections);
  return {
    onChange(change) {
      if (dead && !change.initial) dead.reload();
    },
    destroy() {
      if (replay) replay.stop();
    },
  };
}
