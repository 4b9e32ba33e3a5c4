// A project: header with stage and IATI status, money, milestones planned vs actual, fundings, history; "as of" a
// date and "as known at" an instant; the forms for every command.
import { h, clear, money, today, daysBetween, safeLink, stageBadge, stageName, sourceName, IATI_STATUS, table } from '../dom.js';
import { get, post, query, enc, ApiError } from '../api.js';
import { buildForm } from '../forms.js';
import { projectCommands } from '../commands.js';

/** "2025-06-01T10:00:00Z" → the value a datetime-local input shows (browser's time zone). */
function toLocalInput(instant) {
  if (!instant) return '';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function dl(entries) {
  return h('dl', { class: 'facts' }, entries.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
}

function timeTravelForm(ctx, projectId, asOf, knownAt) {
  const form = h('form', { class: 'toolbar time-travel', 'aria-label': 'Show the project at another time' },
    h('div', { class: 'field' }, h('label', { for: 'as-of' }, 'As of (effective date)'),
      h('input', { type: 'date', id: 'as-of', value: asOf || '', max: today() })),
    h('div', { class: 'field' }, h('label', { for: 'known-at' }, 'As known at (recorded by)'),
      h('input', { type: 'datetime-local', id: 'known-at', step: '1', value: toLocalInput(knownAt) })),
    h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary' }, 'Show'),
      (asOf || knownAt) ? h('a', { class: 'button secondary', href: `#/projects/${enc(projectId)}` }, 'Back to now') : null));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const date = form.querySelector('#as-of').value;
    const local = form.querySelector('#known-at').value;
    const instant = local ? new Date(local).toISOString() : '';
    ctx.navigate(`/projects/${enc(projectId)}${query({ asOf: date, knownAt: instant })}`);
  });
  return form;
}

function moneySection(p) {
  const usd = p.usd || {};
  const currencies = Object.keys(p.committedByCurrency || {});
  const bySource = Object.entries(usd.bySource || {});
  return h('section', { class: 'panel', 'aria-labelledby': 'money-heading' },
    h('h2', { id: 'money-heading' }, 'Money'),
    h('div', { class: 'money-figures' },
      h('div', { class: 'figure' }, h('span', { class: 'figure-label' }, 'Committed'), h('span', { class: 'figure-value', id: 'committed-usd' }, money(usd.committed, 'USD'))),
      h('div', { class: 'figure' }, h('span', { class: 'figure-label' }, 'Disbursed'), h('span', { class: 'figure-value', id: 'disbursed-usd' }, money(usd.disbursed, 'USD'))),
      h('div', { class: 'figure' }, h('span', { class: 'figure-label' }, 'Undisbursed'), h('span', { class: 'figure-value' }, money(usd.undisbursed, 'USD'))),
      (p.incomingFunds || []).length ? h('div', { class: 'figure' }, h('span', { class: 'figure-label' }, 'Received'), h('span', { class: 'figure-value' }, money(usd.received, 'USD'))) : null,
      (p.expenditures || []).length ? h('div', { class: 'figure' }, h('span', { class: 'figure-label' }, 'Spent'), h('span', { class: 'figure-value' }, money(usd.expended, 'USD'))) : null,
      h('div', { class: 'figure' }, h('span', { class: 'figure-label' }, 'Estimated cost'), h('span', { class: 'figure-value' }, p.estimatedCost ? money(p.estimatedCost) : '—'))),
    currencies.length ? h('p', { class: 'muted' }, 'In original currencies: ', currencies.map((c) =>
      `${money(p.committedByCurrency[c], c)} committed, ${money((p.disbursedByCurrency || {})[c] || '0', c)} disbursed`).join('; ')) : null,
    (usd.unconverted || []).length ? h('p', { class: 'notice warning' }, 'Not in the USD totals (no exchange rate): ',
      usd.unconverted.map((u) => `${money(u.committed, u.currency)} committed, ${money(u.disbursed, u.currency)} disbursed`).join('; ')) : null,
    bySource.length ? table('USD by funding source', [
      { label: 'Source', value: ([s]) => sourceName(s) },
      { label: 'Committed', class: 'num', value: ([, t]) => money(t.committed, 'USD') },
      { label: 'Disbursed', class: 'num', value: ([, t]) => money(t.disbursed, 'USD') },
      { label: 'Undisbursed', class: 'num', value: ([, t]) => money(t.undisbursed, 'USD') },
    ], bySource) : null);
}

/** Milestones as a strip: planned ◇, achieved ◆, the slippage between them, overdue up to today. */
function milestoneStrip(p, cutDate) {
  const section = h('section', { class: 'panel', 'aria-labelledby': 'milestones-heading' }, h('h2', { id: 'milestones-heading' }, 'Timeline: stages and milestones, planned vs actual'));
  if (!p.milestones.length) section.append(h('p', { class: 'empty' }, 'No milestones recorded.'));
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
      const mark = h('span', { class: 'gantt-mark planned', title: `planned ${m.plannedOn}` });
      mark.style.left = x(m.plannedOn);
      track.append(mark);
    }
    if (m.achievedOn) {
      const mark = h('span', { class: 'gantt-mark achieved', title: `achieved ${m.achievedOn}` });
      mark.style.left = x(m.achievedOn);
      track.append(mark);
    }
    const nowLine = h('span', { class: 'gantt-today' });
    nowLine.style.left = x(now);
    track.append(nowLine);
    let status;
    if (m.achievedOn) status = late === null ? `achieved ${m.achievedOn}` : late > 0 ? `achieved ${m.achievedOn}, ${late} days late` : late < 0 ? `achieved ${m.achievedOn}, ${-late} days early` : `achieved ${m.achievedOn}, on time`;
    else if (overdue) status = `overdue by ${daysBetween(m.plannedOn, now)} days`;
    else status = 'not achieved yet';
    return h('li', { class: `gantt-row ${overdue ? 'is-overdue' : ''} ${late > 0 ? 'is-late' : ''}`, dataset: { milestoneId: m.milestoneId } },
      h('div', { class: 'gantt-label' }, h('strong', {}, m.name || m.milestoneId), ' ', h('span', { class: 'muted' }, `(${m.milestoneId})`),
        h('br'), h('span', { class: 'gantt-text' }, `planned ${m.plannedOn || '—'} · ${status}`)),
      track);
  });
  // the stages the project went through, as coloured spans up to today (or the cut)
  const stageTrack = h('div', { class: 'gantt-track', 'aria-hidden': 'true' });
  p.stageHistory.forEach((s, i) => {
    const until = i + 1 < p.stageHistory.length ? p.stageHistory[i + 1].since : now;
    const span = h('span', { class: `gantt-stage stage-${s.stage.toLowerCase()}`, title: `${stageName(s.stage)} from ${s.since}` });
    span.style.left = x(s.since);
    span.style.width = `${(100 * Math.max(0, daysBetween(s.since, until))) / totalDays}%`;
    stageTrack.append(span);
  });
  const stagesRow = h('li', { class: 'gantt-row stages' },
    h('div', { class: 'gantt-label' }, h('strong', {}, 'Stages'), h('br'),
      h('span', { class: 'gantt-text' }, p.stageHistory.map((s) => `${stageName(s.stage)} ${s.since}`).join(' → '))),
    stageTrack);
  section.append(h('div', { class: 'gantt' }, h('div', { class: 'gantt-head' }, h('span', { class: 'gantt-label' }), axis),
    h('ul', { class: 'gantt-rows' }, stagesRow, rows)),
  h('p', { class: 'legend muted' }, h('span', { class: 'gantt-mark planned inline' }), ' planned  ', h('span', { class: 'gantt-mark achieved inline' }), ' achieved  ',
    h('span', { class: 'swatch late' }), ' slippage  ', h('span', { class: 'swatch early' }), ' early  ', h('span', { class: 'swatch today' }), ' today'));
  return section;
}

function fundingsSection(p) {
  const section = h('section', { class: 'panel', 'aria-labelledby': 'fundings-heading' }, h('h2', { id: 'fundings-heading' }, 'Fundings and disbursements'));
  if (!p.fundings.length) section.append(h('p', { class: 'empty' }, 'No commitments recorded.'));
  else section.append(table('Commitments', [
    { label: 'Funding', value: (f) => f.fundingId },
    { label: 'Source', value: (f) => [sourceName(f.source), f.instrument ? ` (${f.instrument.replace('_', ' ').toLowerCase()})` : ''].join('') },
    { label: 'Funder', value: (f) => f.funder || '—' },
    { label: 'Committed on', class: 'date', value: (f) => f.committedOn },
    { label: 'Committed', class: 'num', value: (f) => money(f.amount) },
    { label: 'Disbursed', class: 'num', value: (f) => money(f.disbursed) },
    { label: 'Undisbursed', class: 'num', value: (f) => money(f.undisbursed) },
    { label: 'IATI', value: (f) => `transaction ${f.iatiTransactionType}${f.financeType ? `, finance ${f.financeType}` : ''}${f.flowType ? `, flow ${f.flowType}` : ''}` },
    { label: 'Facility', value: (f) => f.facilityId || '—' },
  ], p.fundings));
  const movements = [...p.fundings.flatMap((f) => [
    ...f.disbursements.map((d) => ({ date: d.disbursedOn, fundingId: f.fundingId, kind: 'Disbursement', amount: money(d.amount), note: '' })),
    ...f.corrections.map((c) => ({ date: c.correctedOn, fundingId: f.fundingId, kind: 'Correction', amount: `${money(c.previousAmount)} → ${money(c.newAmount)}`, note: c.reason || '' })),
  ]),
    ...(p.incomingFunds || []).map((x) => ({ date: x.receivedOn, fundingId: x.fundingId || '—', kind: 'Incoming funds', amount: money(x.amount), note: [x.provider && `from ${x.provider}`, x.receiver && `to ${x.receiver}`, x.description].filter(Boolean).join('; ') })),
    ...(p.expenditures || []).map((x) => ({ date: x.spentOn, fundingId: x.fundingId || '—', kind: 'Expenditure', amount: money(x.amount), note: [x.provider && `by ${x.provider}`, x.receiver && `to ${x.receiver}`, x.description].filter(Boolean).join('; ') })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  if (movements.length) {
    section.append(table('Disbursements, corrections, incoming funds and expenditures', [
      { label: 'Date', class: 'date', value: (m) => m.date },
      { label: 'Funding', value: (m) => m.fundingId },
      { label: 'What', value: (m) => m.kind },
      { label: 'Amount', class: 'num', value: (m) => m.amount },
      { label: 'Note', value: (m) => m.note },
    ], movements));
  }
  return section;
}

const SUMMARY_KEYS = ['agreementId', 'fundingId', 'milestoneId', 'name', 'type', 'instrument', 'source', 'from', 'to', 'kind'];

function summarise(entry) {
  const p = entry.payload || {};
  const parts = [];
  for (const key of SUMMARY_KEYS) {
    const v = p[key];
    if (v !== null && v !== undefined && typeof v !== 'object') parts.push(`${key} ${v}`);
  }
  for (const key of ['amount', 'newAmount']) if (p[key] && p[key].currency) parts.push(money(p[key]));
  for (const key of ['plannedOn', 'achievedOn']) if (p[key]) parts.push(`${key.replace('On', '')} ${p[key]}`);
  return parts.join(' · ');
}

async function historySection(p, asOf, knownAt) {
  const section = h('section', { class: 'panel', 'aria-labelledby': 'history-heading' }, h('h2', { id: 'history-heading' }, 'History'));
  let entries;
  try {
    entries = await get(`/api/projects/${enc(p.projectId)}/history`);
  } catch (e) {
    section.append(h('p', { class: 'notice' }, e instanceof ApiError ? e.userMessage : String(e)));
    return section;
  }
  const knownAtMs = knownAt ? Date.parse(knownAt) : null;
  const after = (e) => (asOf && e.effectiveDate && e.effectiveDate > asOf) || (knownAtMs && Date.parse(e.recordedAt) > knownAtMs);
  if (asOf || knownAt) section.append(h('p', { class: 'muted' }, 'Greyed rows lie after the chosen cut and are not part of the view above.'));
  section.append(table('Every recorded event, oldest first', [
    { label: '#', class: 'num', value: (e) => String(e.sequence) },
    { label: 'Event', value: (e) => h('span', {}, e.type.replace(/Event$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'), after(e) ? h('span', { class: 'visually-hidden' }, ' (after the cut)') : null) },
    { label: 'Details', value: (e) => summarise(e) },
    { label: 'Effective', class: 'date', value: (e) => e.effectiveDate || '—' },
    { label: 'Recorded at', value: (e) => h('time', { datetime: e.recordedAt }, e.recordedAt) },
    { label: 'Who', value: (e) => e.actor || '—' },
    { label: 'Reason', value: (e) => e.reason || '—' },
    { label: 'Source', value: (e) => safeLink(e.sourceUrl, 'source') || '—' },
  ], entries, { class: 'data history', rowClass: (e) => (after(e) ? 'after-cut' : null) }));
  return section;
}

function commandsSection(ctx, p, reload) {
  const commands = projectCommands(p).filter((c) => ctx.session.can(c.role));
  const section = h('section', { class: 'panel', 'aria-labelledby': 'record-heading' }, h('h2', { id: 'record-heading' }, 'Record'));
  if (!commands.length) {
    section.append(h('p', { class: 'muted' }, 'Your roles do not allow recording for projects.'));
    return section;
  }
  for (const command of commands) {
    const form = buildForm({
      id: `form-${command.key}`, description: command.description, fields: command.fields, submitLabel: command.title,
      onSubmit: (body, values, headers) => post(command.path(values), body, headers),
      onSuccess: async (result, form) => {
        form.reset();
        ctx.announce(`${command.title}: recorded.`);
        await reload();
      },
    });
    section.append(h('details', { class: 'command', id: `command-${command.key}`, dataset: { command: command.key } },
      h('summary', {}, command.title), form));
  }
  return section;
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
      p = await get(`/api/projects/${enc(id)}${query({ asOf, knownAt })}`);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404) throw e;
      clear(container).append(h('h1', {}, id), timeTravelForm(ctx, id, asOf, knownAt), h('div', { class: 'notice', role: 'alert' }, e.userMessage),
        h('p', {}, h('a', { href: '#/board' }, 'Back to the board')));
      return;
    }
    const history = await historySection(p, asOf, knownAt);
    if (!ctx.isCurrent()) return;
    // keep open forms open, and what was typed in them, across a live refresh
    openCommands = new Set([...container.querySelectorAll('details.command[open]')].map((d) => d.dataset.command));
    const keptForms = new Map([...container.querySelectorAll('details.command')].map((d) => [d.dataset.command, d]));
    lastVersion = p.version;
    document.title = `${p.title} — Pipeline tracker`;
    const iati = IATI_STATUS[p.iatiStatus] ? `${p.iatiStatus} ${IATI_STATUS[p.iatiStatus]}` : p.iatiStatus;
    const header = h('header', { class: 'project-header' },
      h('p', { class: 'crumbs' }, h('a', { href: '#/board' }, 'Board'), ' / ', p.projectId),
      h('h1', { id: 'project-title' }, p.title),
      h('p', { class: 'project-status' }, stageBadge(p.stage), ' ',
        h('span', { class: 'iati', id: 'iati-status' }, `IATI activity status ${iati}`), ' ',
        h('span', { class: 'muted' }, `since ${p.stageSince}`),
        p.suspendedFrom ? h('span', { class: 'muted' }, ` (suspended from ${stageName(p.suspendedFrom)})`) : null,
        h('span', { class: 'muted' }, ` · version ${p.version}`)),
      timeTravelForm(ctx, p.projectId, asOf, knownAt),
      travelling ? h('p', { class: 'notice info', id: 'time-travel-note' }, 'Showing the project ',
        asOf ? `as of ${asOf}` : '', asOf && knownAt ? ' and ' : '', knownAt ? `as known at ${knownAt}` : '',
        '. Recording is off while looking at the past.') : null);
    const details = h('section', { class: 'panel', 'aria-labelledby': 'details-heading' }, h('h2', { id: 'details-heading' }, 'Details'),
      p.description ? h('p', { class: 'description' }, p.description) : null,
      dl([
        ['Sector', `${p.sectorName || ''} (DAC ${p.sector})`],
        ['Region', p.region],
        ['Partners', p.partners.length ? p.partners.map((x) => `${x.name} (${x.country}, ${x.role.toLowerCase()})`).join('; ') : '—'],
        ['Proposed on', p.proposedOn],
        ['Planned', p.plannedStart || p.plannedEnd ? `${p.plannedStart || '?'} – ${p.plannedEnd || '?'}` : null],
        ['Stages', p.stageHistory.map((s) => `${stageName(s.stage)} ${s.since}`).join(' → ')],
        ['Last recorded', p.lastEventAt],
      ]),
      p.agreements.length ? table('Agreements', [
        { label: 'Agreement', value: (a) => a.agreementId },
        { label: 'Type', value: (a) => `${a.type}${a.binding ? '' : ' (not binding)'}` },
        { label: 'Signed on', class: 'date', value: (a) => a.signedOn },
        { label: 'Parties', value: (a) => (a.parties || []).join(', ') },
        { label: 'Document', value: (a) => safeLink(a.documentUrl, 'document') || '—' },
      ], p.agreements) : null,
      p.alerts.length ? h('div', { class: 'notice warning', id: 'stall-alerts' }, h('strong', {}, 'Stalled: '),
        p.alerts.map((a) => `${a.kind === 'NO_FUNDING' ? 'no funding' : `no disbursement of ${a.fundingId}`} for ${a.days} days (since ${a.dueOn})`).join('; ')) : null);
    const parts = [header, h('div', { class: 'project-grid' }, moneySection(p), details), milestoneStrip(p, asOf && asOf < today() ? asOf : null), fundingsSection(p)];
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
      if (change.initial && travelling) return;
      if (!travelling && change.versions && change.versions[id] !== undefined && change.versions[id] <= lastVersion) return;
      draw().then(() => { if (!change.initial) ctx.announce('The project was updated.'); }).catch((e) => console.warn('project refresh', e));
    },
  };
}
