// Audit: verify the hash chain and the read models; rebuild the read models with a live progress bar; dead letters.
import { h, clear, groupDigits, table } from '../dom.js';
import { get, post, query, enc, ApiError } from '../api.js';

const PROCESSORS = ['project-status', 'pipeline', 'milestones', 'alerts', 'facility-usage'];

function message(e) {
  return e instanceof ApiError ? e.userMessage : String(e.message || e);
}

function yesNo(ok, good, bad) {
  return h('span', { class: `verdict ${ok ? 'ok' : 'bad'}` }, ok ? `✔ ${good}` : `✘ ${bad}`);
}

function verifySection(ctx) {
  const result = h('div', { id: 'verify-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'primary', id: 'verify' }, 'Verify now');
  const head = h('p', { class: 'muted', id: 'chain-head' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    clear(result).append(h('p', {}, 'Checking the chain and rebuilding every read model for comparison…'));
    try {
      const v = await get('/api/audit/verify');
      clear(result).append(...[
        h('ul', { class: 'verdicts' },
          h('li', { id: 'chain-valid' }, yesNo(v.chainValid, 'Hash chain valid', `Hash chain broken${v.firstBrokenIndex !== null && v.firstBrokenIndex !== undefined ? ` at global index ${v.firstBrokenIndex}` : ''}`),
            v.chainProblem ? h('span', { class: 'muted' }, ` — ${v.chainProblem}`) : null),
          h('li', { id: 'projections-consistent' }, yesNo(v.projectionsConsistent, 'Read models consistent with the events', 'Read models differ from the events')),
          h('li', {}, `${groupDigits(v.eventsChecked)} events checked; read models: ${(v.projectionsChecked || []).join(', ')}`)),
        (v.differences || []).length ? table('Differences', [
          { label: 'Difference', value: (d) => (typeof d === 'object' ? JSON.stringify(d) : String(d)) },
        ], v.differences) : null].filter(Boolean));
    } catch (e) {
      clear(result).append(h('p', { class: 'notice error', role: 'alert' }, message(e)));
    } finally {
      button.disabled = false;
    }
  });
  get('/api/audit/head').then((hd) => {
    head.textContent = `Chain head: global index ${hd.globalIndex ?? hd.index ?? '—'}, hash ${hd.hash || hd.chainHash || '—'}. Write it down elsewhere to detect a rewrite later.`;
  }).catch(() => { head.textContent = ''; });
  return h('section', { class: 'panel', 'aria-labelledby': 'verify-heading' },
    h('h2', { id: 'verify-heading' }, 'Verify'),
    h('p', {}, 'Recomputes the tamper-evident hash chain over every stored event and rebuilds every read model from the events to compare it with the live one.'),
    head, button, result);
}

function replaySection(ctx) {
  const select = h('select', { id: 'replay-processor' }, h('option', { value: '' }, 'All read models'),
    PROCESSORS.map((p) => h('option', { value: p }, p)));
  const button = h('button', { type: 'button', class: 'primary', id: 'replay' }, 'Rebuild');
  const bar = h('progress', { id: 'replay-progress', max: '100', value: '0', 'aria-labelledby': 'replay-label' });
  const label = h('p', { id: 'replay-label', class: 'progress-label' }, 'No rebuild has run since the server started.');
  const error = h('p', { class: 'notice error', role: 'alert', hidden: true });
  let timer = null;
  const show = (s) => {
    const percent = Number(s.percent || 0);
    bar.value = percent;
    bar.dataset.state = s.state;
    bar.setAttribute('aria-valuetext', `${s.percent} %`);
    if (s.state === 'IDLE') label.textContent = 'No rebuild has run since the server started.';
    else {
      label.textContent = `${s.processor}: ${s.percent} % — ${groupDigits(s.processed)} of ${groupDigits(s.total)} events` +
        `${s.eventsPerSecond ? `, ${groupDigits(s.eventsPerSecond)} events/s` : ''}` +
        `${s.state === 'COMPLETED' ? `; completed ${s.finishedAt}` : ''}`;
    }
  };
  const poll = async () => {
    try {
      const s = await get('/api/admin/replay');
      show(s);
      if (s.state === 'RUNNING' && ctx.isCurrent()) timer = setTimeout(poll, 200);
      else {
        button.disabled = false;
        if (s.state === 'COMPLETED') ctx.announce(`Rebuild of ${s.processor} completed.`);
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
    h('h2', { id: 'replay-heading' }, 'Rebuild read models'),
    h('p', {}, 'Resets the chosen read models and replays every event into them. Queries keep answering meanwhile and say that they are rebuilding.'),
    h('div', { class: 'toolbar' }, h('div', { class: 'field narrow' }, h('label', { for: 'replay-processor' }, 'Read model'), select),
      h('div', { class: 'field actions' }, button)),
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
        body.append(h('p', { class: 'empty' }, 'No dead letters: every read model handled every event.'));
        return;
      }
      for (const g of report.groups) {
        const retry = h('button', { type: 'button', class: 'secondary' }, `Retry ${g.processingGroup}`);
        retry.addEventListener('click', async () => {
          retry.disabled = true;
          try {
            const r = await post(`/api/admin/dead-letters/${enc(g.processingGroup)}/retry`);
            ctx.announce(`Retried ${g.processingGroup}: ${JSON.stringify(r)}`);
          } catch (e) {
            ctx.announce(message(e));
          }
          await load();
        });
        body.append(h('div', { class: 'section-head' }, h('h3', {}, `${g.processingGroup}: ${g.deadLetters} dead letters in ${g.sequences} projects`), retry));
      }
      body.append(table(`Dead letters${report.truncated ? ' (first ones only)' : ''}`, [
        { label: 'Read model', value: (d) => d.processingGroup },
        { label: 'Project', value: (d) => d.sequenceIdentifier },
        { label: 'Event', value: (d) => `${(d.payloadType || '').split('.').pop()} #${d.sequenceNumber ?? ''}` },
        { label: 'Parked at', value: (d) => d.enqueuedAt },
        { label: 'Cause', value: (d) => (d.causeType ? `${d.causeType.split('.').pop()}: ${d.causeMessage || ''}` : 'waiting behind an earlier event') },
      ], report.deadLetters));
    } catch (e) {
      clear(body).append(h('p', { class: 'notice' }, message(e)));
    }
  };
  load();
  const section = h('section', { class: 'panel', 'aria-labelledby': 'dead-heading' },
    h('h2', { id: 'dead-heading' }, 'Dead letters'),
    h('p', {}, 'Events a read model could not handle wait here, with the later events of their project, instead of stopping it.'),
    body);
  section.reload = load;
  return section;
}

export async function render(main, ctx) {
  main.append(h('h1', {}, 'Audit'));
  const sections = [];
  if (ctx.session.can('AUDITOR')) sections.push(verifySection(ctx));
  let replay = null;
  let dead = null;
  if (ctx.session.can('ADMIN')) {
    replay = replaySection(ctx);
    dead = deadLetterSection(ctx);
    sections.push(replay, dead);
  }
  if (!sections.length) main.append(h('p', { class: 'notice' }, 'The audit page needs the AUDITOR or ADMIN role.'));
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
