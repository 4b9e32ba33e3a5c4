// The quarterly reporting section of the funding page (FINANCE, AUDITOR): who reported a quarter, per funder and per
// project within each funder, on time, late or not at all, with when and by whom; for FINANCE the template of a funder
// to download and the form that uploads the filled workbook back (GET /api/reporting/status,
// GET /api/reporting/template.xlsx, POST /api/reporting/uploads).
import { xlsxUrl } from '../download.js';
import { h, clear, money, table, instant, data as userText } from '../dom.js';
import { get, query, csrfHeaders, parseJson } from '../api.js';
import { t, tParts, languageHeaders, formatDate, formatInstant } from '../i18n.js';

/** The status of a quarterly report, as the server names it. */
const REPORT_STATES = {
  ON_TIME: 'ui.reporting.status.onTime',
  LATE: 'ui.reporting.status.late',
  MISSING: 'ui.reporting.status.missing',
  PENDING: 'ui.reporting.status.pending',
};

/** The workbook's columns in order (ReportColumn): a column's id gives its letter and its header. */
const COLUMNS = ['projectId', 'projectTitle', 'fundingId', 'currency', 'committed', 'disbursedToDate',
  'disbursementAmount', 'disbursementDate', 'planned1', 'planned2', 'planned3', 'planned4',
  'milestoneId', 'milestoneName', 'milestoneDate', 'comment'];
const HEADERS = {
  projectId: 'ui.reporting.col.projectId',
  projectTitle: 'ui.reporting.col.projectTitle',
  fundingId: 'ui.reporting.col.fundingId',
  currency: 'ui.reporting.col.currency',
  committed: 'ui.reporting.col.committed',
  disbursedToDate: 'ui.reporting.col.disbursedToDate',
  disbursementAmount: 'ui.reporting.col.disbursementAmount',
  disbursementDate: 'ui.reporting.col.disbursementDate',
  planned1: 'ui.reporting.col.planned',
  planned2: 'ui.reporting.col.planned',
  planned3: 'ui.reporting.col.planned',
  planned4: 'ui.reporting.col.planned',
  milestoneId: 'ui.reporting.col.milestoneId',
  milestoneName: 'ui.reporting.col.milestoneName',
  milestoneDate: 'ui.reporting.col.milestoneDate',
  comment: 'ui.reporting.col.comment',
};

/** The current fiscal quarter's label in a January fiscal year (2026-Q1), as a starting value. */
function currentQuarter() {
  const now = new Date();
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

/** The quarter n quarters after "2026-Q1" ("2026-Q2" for n = 1); the label itself when it is not a quarter. */
function quarterAfter(period, n) {
  const m = /^(\d{4})-Q([1-4])$/.exec(period || '');
  if (!m) return period;
  const index = Number(m[1]) * 4 + Number(m[2]) - 1 + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** A column as a reader finds it in the workbook: its letter and its header ("H · Disbursed in 2026-Q1: date"). */
function columnName(id, period) {
  const index = COLUMNS.indexOf(id);
  if (index < 0) return id ? userText(id) : '—';
  const planned = /^planned([1-4])$/.exec(id);
  const header = t(HEADERS[id], { period: planned ? quarterAfter(period, Number(planned[1])) : period });
  return `${String.fromCharCode(65 + index)} · ${header}`;
}

function statusText(status) {
  return t(REPORT_STATES[status] || status);
}

/** Each funder's projects: a fold per funder with a table of its projects' reports. */
function projectsByFunder(status) {
  const folds = status.funders.map((f, i) => h('details', { class: 'command reporting-projects', id: `reporting-projects-${i}` },
    h('summary', {}, ...tParts('ui.reporting.projects.summary', {
      funder: userText(f.funder), reported: f.fundingsReported, total: f.fundings, status: statusText(f.status),
    })),
    // the caption names no funder: a recorded name is not text of the page's language (the summary above names it)
    table(t('ui.reporting.projects.table'), [
      { label: t('ui.reporting.col.projectId'), value: (p) => h('a', { href: `#/projects/${encodeURIComponent(p.projectId)}`, translate: 'no' }, p.projectId) },
      { label: t('ui.reporting.col.projectTitle'), value: (p) => userText(p.title) },
      { label: t('ui.reporting.col.status'), value: (p) => statusText(p.status) },
      { label: t('ui.reporting.col.reportedAt'), value: (p) => instant(p.reportedAt) },
      { label: t('ui.reporting.col.reportedBy'), value: (p) => userText(p.reportedBy || '—') },
      { label: t('ui.reporting.col.fundingsReported'), value: (p) => `${p.fundingsReported} / ${p.fundings}` },
    ], f.projects || [], { rowClass: (p) => `reporting-${String(p.status).toLowerCase()}` })));
  return h('div', { id: 'reporting-projects' }, h('h3', {}, t('ui.reporting.projects.title')), folds);
}

/** One write of an uploaded row, in words. */
function recordedText(r) {
  const amount = r.amount !== null && r.amount !== undefined ? money(r.amount, r.currency) : '—';
  let text;
  if (r.kind === 'disbursement') text = t('ui.reporting.upload.kind.disbursement', { amount, date: formatDate(r.date) });
  else if (r.kind === 'plannedDisbursement') text = t('ui.reporting.upload.kind.plannedDisbursement', { amount, period: r.period || '—' });
  else if (r.kind === 'milestone') text = t('ui.reporting.upload.kind.milestone', { id: r.milestoneId || '—', date: formatDate(r.date) });
  else text = r.kind;
  return r.alreadyRecorded ? `${text} ${t('ui.reporting.upload.alreadyRecorded')}` : text;
}

/** What an accepted upload recorded, per row. */
function resultTable(result) {
  return table(t('ui.reporting.upload.recorded'), [
    { label: t('ui.reporting.upload.col.row'), value: (r) => String(r.row), class: 'num' },
    { label: t('ui.reporting.col.projectId'), value: (r) => userText(r.projectId) },
    { label: t('ui.reporting.col.fundingId'), value: (r) => userText(r.fundingId) },
    { label: t('ui.reporting.upload.col.recorded'), value: (r) => (r.recorded && r.recorded.length
      ? h('ul', { class: 'plain' }, r.recorded.map((x) => h('li', {}, recordedText(x))))
      : h('span', { class: 'muted' }, t('ui.reporting.upload.nothing'))) },
  ], result.rows || []);
}

/** What is wrong with a refused upload: each row, column and reason. */
function errorTable(errors, period) {
  return table(t('ui.reporting.upload.errors'), [
    { label: t('ui.reporting.upload.col.row'), value: (e) => (e.row === null || e.row === undefined ? t('ui.reporting.upload.wholeFile') : String(e.row)), class: 'num' },
    { label: t('ui.reporting.upload.col.column'), value: (e) => columnName(e.column, period) },
    { label: t('ui.reporting.upload.col.reason'), value: (e) => e.reason || '—' },
  ], errors, { class: 'data reporting-errors' });
}

/** Posts the file (XMLHttpRequest, for the upload's progress); resolves to {status, body, type}. */
function send(file, marked, onProgress) {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    body.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/reporting/uploads${marked ? '?marked=true' : ''}`);
    if (marked) xhr.responseType = 'blob';
    // the upload answers JSON (the marked workbook is a refusal's answer): application/json must be acceptable
    const headers = { Accept: marked ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json, application/problem+json'
      : 'application/json, application/problem+json', ...languageHeaders(), ...csrfHeaders() };
    Object.entries(headers).forEach(([k, v]) => xhr.setRequestHeader(k, v));
    if (onProgress) {
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) onProgress(Math.floor((event.loaded / event.total) * 100));
      });
    }
    xhr.addEventListener('load', () => resolve({ status: xhr.status, body: xhr.response, type: xhr.getResponseHeader('content-type') || '' }));
    xhr.addEventListener('error', () => reject(new Error('network')));
    xhr.send(body);
  });
}

/**
 * The upload form (FINANCE): funder and quarter, the funder's template, the filled workbook; progress and the outcome
 * in a live region; a refusal lists each row, column and reason and offers the workbook with the faulty cells marked.
 */
function uploadForm(period, onRecorded) {
  const funder = h('select', { id: 'reporting-upload-funder', translate: 'no' });
  const template = h('a', { class: 'button secondary download', id: 'reporting-upload-template', download: '', href: '#' }, t('ui.reporting.upload.template'));
  const file = h('input', { type: 'file', id: 'reporting-upload-file', name: 'file', required: true,
    accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'aria-describedby': 'reporting-upload-file-error' });
  const fileError = h('p', { class: 'field-error', id: 'reporting-upload-file-error', hidden: true });
  const progress = h('progress', { id: 'reporting-upload-progress', max: '100', value: '0', hidden: true });
  const status = h('p', { id: 'reporting-upload-status', class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const outcome = h('div', { id: 'reporting-upload-outcome' });
  const submit = h('button', { type: 'submit', id: 'reporting-upload-submit' }, t('ui.reporting.upload.submit'));
  const updateTemplate = () => {
    template.href = funder.value ? xlsxUrl('/api/reporting/template.xlsx', { funder: funder.value, period: period.value.trim() }) : '#';
    template.toggleAttribute('hidden', !funder.value);
  };
  funder.addEventListener('change', updateTemplate);
  period.addEventListener('input', updateTemplate);
  const form = h('form', { id: 'reporting-upload', class: 'command-form', novalidate: true, 'aria-labelledby': 'reporting-upload-heading' },
    h('h3', { id: 'reporting-upload-heading' }, t('ui.reporting.upload.title')),
    h('p', { class: 'muted' }, t('ui.reporting.upload.hint')),
    h('div', { class: 'fields' },
      h('div', { class: 'field' }, h('label', { for: 'reporting-upload-funder' }, t('ui.reporting.col.funder')), funder),
      h('div', { class: 'field actions' }, template),
      h('div', { class: 'field wide' }, h('label', { for: 'reporting-upload-file' }, t('ui.reporting.upload.file')), file, fileError)),
    progress, status, submit, outcome);

  const refused = (answer, chosen) => {
    const errors = Array.isArray(answer.errors) ? answer.errors : [];
    status.textContent = t('ui.reporting.upload.refused', { problems: errors.length });
    status.className = 'form-status error';
    const marked = h('button', { type: 'button', class: 'secondary', id: 'reporting-upload-marked' }, t('ui.reporting.upload.marked'));
    const markedStatus = h('p', { class: 'muted', role: 'status', id: 'reporting-upload-marked-status' });
    marked.addEventListener('click', async () => {
      marked.disabled = true;
      markedStatus.textContent = '';
      try {
        const answer2 = await send(chosen, true);
        if (answer2.type.startsWith('application/vnd.openxmlformats')) {
          const url = URL.createObjectURL(answer2.body);
          const link = h('a', { href: url, download: `${chosen.name.replace(/\.xlsx$/i, '')}-errors.xlsx`, hidden: true });
          document.body.append(link);
          link.click();
          link.remove();
          setTimeout(() => URL.revokeObjectURL(url), 60000);
          markedStatus.textContent = t('ui.reporting.upload.markedReady');
        } else {
          markedStatus.textContent = t('ui.reporting.upload.markedNone');
        }
      } catch (e) {
        markedStatus.textContent = t('ui.reporting.upload.failed');
      } finally {
        marked.disabled = false;
      }
    });
    clear(outcome).append(
      errors.length ? errorTable(errors, period.value.trim()) : h('p', { class: 'notice error' }, answer.detail || answer.title || ''),
      h('p', { class: 'downloads' }, marked), markedStatus);
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    fileError.hidden = true;
    file.removeAttribute('aria-invalid');
    status.className = 'form-status';
    clear(outcome);
    const chosen = file.files[0];
    if (!chosen) {
      fileError.textContent = t('ui.reporting.upload.chooseFile');
      fileError.hidden = false;
      file.setAttribute('aria-invalid', 'true');
      file.focus();
      return;
    }
    submit.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    status.textContent = t('ui.reporting.upload.progress', { percent: '0' });
    try {
      const answer = await send(chosen, false, (percent) => {
        progress.value = percent;
        status.textContent = percent < 100 ? t('ui.reporting.upload.progress', { percent: String(percent) })
          : t('ui.reporting.upload.checking');
      });
      let body = {};
      try { body = parseJson(answer.body || '{}'); } catch { body = {}; }
      if (answer.status === 200) {
        status.textContent = body.alreadyUploaded
          ? t('ui.reporting.upload.already', { at: body.uploadedAt ? formatInstant(body.uploadedAt) : '—', by: body.uploadedBy || '—' })
          : t('ui.reporting.upload.done', { rows: (body.rows || []).length, period: body.period || '' });
        if (!body.alreadyUploaded) clear(outcome).append(resultTable(body));
        file.value = ''; // the funder stays chosen, for its next quarter
        onRecorded();
      } else if (answer.status === 401) {
        location.assign('/login');
      } else {
        refused(body, chosen);
      }
    } catch (err) {
      status.textContent = t('ui.reporting.upload.failed');
    } finally {
      progress.hidden = true;
      submit.disabled = false;
    }
  });
  form.setFunders = (funders) => {
    const before = funder.value;
    clear(funder).append(h('option', { value: '' }, t('ui.reporting.upload.chooseFunder')),
      ...funders.map((f) => h('option', { value: f.funder, selected: f.funder === before }, f.funder)));
    updateTemplate();
  };
  return form;
}

/**
 * Quarterly reporting (FINANCE, AUDITOR): who reported a quarter, on time, late or not at all, with when and by whom,
 * per funder and per project of each funder; for FINANCE a link to each funder's template and the upload form.
 */
export function reportingSection(ctx) {
  const finance = ctx.session.can('FINANCE');
  const period = h('input', { id: 'reporting-period', type: 'text', value: currentQuarter(), autocomplete: 'off', translate: 'no' });
  const box = h('div', { id: 'reporting-status', 'aria-live': 'polite' });
  let form = null;
  const load = async () => {
    try {
      const status = await get(`/api/reporting/status${query({ period: period.value.trim() })}`);
      const columns = [
        { label: t('ui.reporting.col.funder'), value: (f) => userText(f.funder) },
        { label: t('ui.reporting.col.status'), value: (f) => statusText(f.status) },
        { label: t('ui.reporting.col.reportedAt'), value: (f) => instant(f.reportedAt) },
        { label: t('ui.reporting.col.reportedBy'), value: (f) => userText(f.reportedBy || '—') },
        { label: t('ui.reporting.col.fundingsReported'), value: (f) => `${f.fundingsReported} / ${f.fundings}` },
      ];
      if (finance) {
        columns.push({ label: t('ui.reporting.col.template'), value: (f) => h('a', { class: 'download', download: '',
          href: xlsxUrl('/api/reporting/template.xlsx', { funder: f.funder, period: status.period }) }, t('ui.download.xlsx')) });
      }
      clear(box).append(h('p', {}, ...tParts('ui.reporting.due', { period: userText(status.period), due: userText(status.dueOn) })),
        ...(status.funders.length ? [table(t('ui.reporting.table'), columns, status.funders), projectsByFunder(status)]
          : [h('p', { class: 'empty' }, t('ui.reporting.none'))]));
      if (form) form.setFunders(status.funders);
    } catch (e) {
      clear(box).append(h('p', { class: 'notice error', role: 'alert' }, e.userMessage || String(e.message || e)));
    }
  };
  if (finance) form = uploadForm(period, load);
  const show = h('button', { type: 'button', class: 'secondary', id: 'reporting-show' }, t('ui.reporting.show'));
  show.addEventListener('click', load);
  load();
  return h('section', { class: 'panel', 'aria-labelledby': 'reporting-heading' },
    h('h2', { id: 'reporting-heading' }, t('ui.reporting.title.page')),
    h('div', { class: 'toolbar' },
      h('div', { class: 'field narrow' }, h('label', { for: 'reporting-period' }, t('ui.reporting.period')), period),
      h('div', { class: 'field actions' }, show)),
    box, form);
}
