// A project's documents (issue 22): the links an IATI import kept and the files uploaded to it, listed together
// (title in the page's language when known, category, date, size, type, versions), and the upload form for recorders
// and finance: the upload's progress (XMLHttpRequest upload events) and the server's errors beside the fields.
import { h, table, data as userText } from '../dom.js';
import { t, formatDecimal, languageHeaders } from '../i18n.js';
import { get, enc, csrfHeaders, parseJson } from '../api.js';
import { recordedText, languageName } from '../content.js';

const CATEGORIES = ['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09', 'A10', 'A11', 'A12'];
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.txt,.csv';
const FIELDS = ['file', 'title', 'category', 'language', 'documentDate', 'attachedTo', 'supersedes'];

function size(bytes) {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes >= 1024 * 1024) return t('ui.documents.sizeMb', { size: formatDecimal((bytes / (1024 * 1024)).toFixed(1)) });
  if (bytes >= 1024) return t('ui.documents.sizeKb', { size: formatDecimal((bytes / 1024).toFixed(1)) });
  return t('ui.documents.sizeBytes', { size: String(bytes) });
}

function attachedText(a) {
  if (!a) return '—';
  const labels = {
    AGREEMENT: () => t('ui.documents.attached.agreement', { id: a.id }),
    FUNDING: () => t('ui.documents.attached.funding', { id: a.id }),
    DISBURSEMENT: () => t('ui.documents.attached.disbursement', { id: a.id }),
    MILESTONE: () => t('ui.documents.attached.milestone', { id: a.id }),
  };
  return userText(labels[a.kind] ? labels[a.kind]() : a.id);
}

function titleCell(d) {
  const first = Object.keys(d.titles || {})[0];
  if (d.source === 'UPLOAD') {
    // an upload's title is in its language when one was given ("und": not given), else its file name stands
    const original = first ? d.titles[first] : d.fileName;
    const [title, tag] = first && first !== 'und' ? recordedText(d.titles, first, original, 'span')
      : [userText(original), null];
    return h('span', {}, h('a', { href: d.contentUrl, download: '', class: 'document-download' }, title),
      tag ? ' ' : null, tag, h('br'), h('span', { class: 'muted' }, userText(d.fileName)));
  }
  const [title, tag] = recordedText(d.titles, first, d.url, 'span');
  // a link only for http(s): an ftp document's address is shown as text
  const shown = /^https?:\/\//i.test(d.url) ? h('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank' }, title)
    : h('span', {}, title, ' ', userText(d.url, 'span', { class: 'muted' }));
  return h('span', {}, shown, tag ? ' ' : null, tag);
}

function documentsTable(documents) {
  return table(t('ui.project.documents.caption'), [
    { label: t('ui.project.col.title'), value: titleCell },
    { label: t('ui.project.col.categories'), value: (d) => (d.categories || []).map((c) => `${c} ${t(`ref.documentCategory.${c}`)}`).join('; ') || '—' },
    { label: t('ui.project.col.languages'), value: (d) => (d.languages || []).map(languageName).join(', ') || '—' },
    { label: t('ui.project.col.date'), class: 'date', value: (d) => d.documentDate || '—' },
    { label: t('ui.documents.col.size'), class: 'num', value: (d) => size(d.size) },
    { label: t('ui.project.col.type'), value: (d) => userText(d.mediaType || '—') },
    { label: t('ui.documents.col.evidenceOf'), value: (d) => attachedText(d.attachedTo) },
    { label: t('ui.documents.col.versions'), value: (d) => ((d.versions || []).length > 1
      ? t('ui.documents.version', { n: String(d.versions.indexOf(d.documentId) + 1), count: String(d.versions.length) }) : '—') },
  ], documents, { class: 'data documents' });
}

/** The choices of "evidence of": the project's agreements, fundings, disbursements and milestones. */
function attachables(p) {
  const options = [h('option', { value: '' }, t('ui.documents.upload.project'))];
  for (const a of p.agreements || []) options.push(h('option', { value: `AGREEMENT:${a.agreementId}` }, t('ui.documents.attached.agreement', { id: a.agreementId })));
  for (const f of p.fundings || []) {
    options.push(h('option', { value: `FUNDING:${f.fundingId}` }, t('ui.documents.attached.funding', { id: f.fundingId })));
    for (const d of f.disbursements || []) {
      const id = `${f.fundingId}/${d.disbursedOn}`;
      options.push(h('option', { value: `DISBURSEMENT:${id}` }, t('ui.documents.attached.disbursement', { id })));
    }
  }
  for (const m of p.milestones || []) options.push(h('option', { value: `MILESTONE:${m.milestoneId}` }, t('ui.documents.attached.milestone', { id: m.milestoneId })));
  return options;
}

function uploadForm(p, documents, onUploaded) {
  const id = 'form-upload-document';
  const control = (name, label, input) => {
    input.id = `${id}-${name}`;
    input.name = name;
    input.setAttribute('aria-describedby', `${id}-${name}-error`);
    return h('div', { class: 'field' }, h('label', { for: input.id }, label), input,
      h('p', { class: 'field-error', id: `${id}-${name}-error`, hidden: true }));
  };
  const uploads = documents.filter((d) => d.source === 'UPLOAD');
  const form = h('form', { id, class: 'command-form', novalidate: true },
    h('p', { class: 'muted' }, t('ui.documents.upload.hint')),
    control('file', t('ui.documents.upload.file'), h('input', { type: 'file', accept: ACCEPT, required: true })),
    control('title', t('ui.documents.upload.titleField'), h('input', { type: 'text', maxlength: '500', autocomplete: 'off' })),
    control('category', t('ui.documents.upload.category'), h('select', {}, h('option', { value: '' }, '—'),
      CATEGORIES.map((c) => h('option', { value: c }, t(`ref.documentCategory.${c}`))))),
    control('language', t('ui.documents.upload.language'), h('select', {}, h('option', { value: '' }, '—'),
      ['en', 'uz', 'ru', 'ko'].map((tag) => h('option', { value: tag }, languageName(tag))))),
    control('documentDate', t('ui.documents.upload.date'), h('input', { type: 'text', placeholder: t('ui.form.datePlaceholder'), autocomplete: 'off' })),
    // the options name recorded ids (an agreement's, a funding's, a milestone's): not to be translated
    control('attachedTo', t('ui.documents.upload.attachedTo'), h('select', { translate: 'no' }, attachables(p))),
    control('supersedes', t('ui.documents.upload.supersedes'), h('select', { translate: 'no' }, h('option', { value: '' }, '—'),
      uploads.map((d) => h('option', { value: d.documentId }, userText(d.fileName).textContent)))),
    h('progress', { id: `${id}-progress`, max: '100', value: '0', hidden: true }),
    h('p', { id: `${id}-status`, class: 'form-status', role: 'status', 'aria-live': 'polite' }),
    h('button', { type: 'submit' }, t('ui.documents.upload.submit')));
  const status = form.querySelector(`#${id}-status`);
  const progress = form.querySelector(`#${id}-progress`);
  const clearErrors = () => FIELDS.forEach((name) => {
    const error = form.querySelector(`#${id}-${name}-error`);
    error.hidden = true;
    error.textContent = '';
    form.querySelector(`#${id}-${name}`).removeAttribute('aria-invalid');
  });
  const showError = (name, reason) => {
    const error = form.querySelector(`#${id}-${name}-error`);
    if (!error) return false;
    error.textContent = reason;
    error.hidden = false;
    form.querySelector(`#${id}-${name}`).setAttribute('aria-invalid', 'true');
    return true;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors();
    status.textContent = '';
    const file = form.querySelector(`#${id}-file`).files[0];
    if (!file) {
      showError('file', t('ui.documents.upload.chooseFile'));
      return;
    }
    const body = new FormData();
    body.append('file', file);
    for (const name of FIELDS.slice(1)) {
      const value = form.querySelector(`#${id}-${name}`).value.trim();
      if (value) body.append(name, value);
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/projects/${enc(p.projectId)}/documents`);
    const headers = { Accept: 'application/json, application/problem+json', ...languageHeaders(), ...csrfHeaders() };
    Object.entries(headers).forEach(([k, v]) => xhr.setRequestHeader(k, v));
    progress.hidden = false;
    progress.value = 0;
    xhr.upload.addEventListener('progress', (event) => {
      if (!event.lengthComputable) return;
      const percent = Math.floor((event.loaded / event.total) * 100);
      progress.value = percent;
      status.textContent = t('ui.documents.upload.progress', { percent: String(percent) });
    });
    xhr.addEventListener('load', () => {
      progress.hidden = true;
      let answer = {};
      try { answer = parseJson(xhr.responseText || '{}'); } catch { answer = {}; }
      if (xhr.status === 201) {
        status.textContent = t('ui.documents.upload.done', { name: answer.fileName || file.name });
        form.reset();
        onUploaded();
        return;
      }
      status.textContent = '';
      const errors = Array.isArray(answer.errors) ? answer.errors
        : (answer.field ? [{ field: answer.field, reason: answer.detail }] : []);
      const placed = errors.filter((err) => showError(err.field, err.reason)).length;
      if (xhr.status === 413) showError('file', answer.detail || answer.title);
      else if (!placed) status.textContent = answer.detail || answer.title || t('ui.error.status', { status: String(xhr.status) });
    });
    xhr.addEventListener('error', () => {
      progress.hidden = true;
      status.textContent = t('ui.documents.upload.failed');
    });
    xhr.send(body);
  });
  return h('details', { class: 'command', id: 'upload-document', dataset: { command: 'upload-document' } },
    h('summary', {}, t('ui.documents.upload.title')), form);
}

/**
 * The documents section. It shows the project's links at once, then the full list (links and uploads) from
 * GET /api/projects/{id}/documents; with {@code canUpload}, the upload form below it.
 */
export function documentsPanel(p, { canUpload = false, travelling = false, onUploaded = () => {} } = {}) {
  const section = h('section', { class: 'panel', id: 'documents', 'aria-labelledby': 'documents-heading' },
    h('h2', { id: 'documents-heading' }, t('ui.project.documents.title')));
  const body = h('div', { class: 'documents-body' });
  section.append(body);
  const show = (documents) => {
    body.replaceChildren(documents.length ? documentsTable(documents) : h('p', { class: 'empty' }, t('ui.project.documents.none')));
    if (canUpload && !travelling) body.append(uploadForm(p, documents, onUploaded));
  };
  show((p.documents || []).map((d) => ({ ...d, source: d.source || 'IATI_LINK' })));
  if (!travelling) {
    get(`/api/projects/${enc(p.projectId)}/documents`).then(show).catch((e) => console.warn('documents', e));
  }
  return section;
}
