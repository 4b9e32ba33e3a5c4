// What a project page shows of the record a publisher gave (issue 20): the status it reported, the data-quality
// flags where the recorded facts contradict it, the participating organisations and the notes of the latest import
// (the documents: project-documents.js). Recorded text (names, titles, notes) is shown as recorded, marked with its language.
import { h, money, table, instant, data as userText } from '../dom.js';
import { t } from '../i18n.js';
import { languageName } from '../content.js';
import { partnerRoleName, dataQualityReason } from '../labels.js';
import { approvalKindName } from './approvals.js';

/** "as reported by UNDP (file.xml)" beside the IATI status, when a publisher reported it; else null. */
export function reportedStatusLine(p) {
  const r = p.reportedStatus;
  if (!r) return null;
  const org = r.reportingOrgName || r.reportingOrgRef || '—';
  return h('span', { class: 'muted', id: 'reported-status' }, r.file
    ? t('ui.project.reportedByIn', { org, file: r.file, date: r.reportedOn })
    : t('ui.project.reportedBy', { org, date: r.reportedOn }));
}

/** The data-quality flags, each with its reason in the page's language; null when there are none. */
export function dataQualityNotice(p) {
  const flags = p.dataQuality || [];
  if (!flags.length) return null;
  return h('section', { class: 'notice warning', id: 'data-quality', 'aria-labelledby': 'data-quality-heading' },
    h('h2', { id: 'data-quality-heading' }, t('ui.project.dataQuality.title')),
    h('p', {}, t('ui.project.dataQuality.intro')),
    h('ul', {}, flags.map((f) => h('li', { dataset: { flag: f.flag } },
      dataQualityReason(f, (f.amounts || []).map((m) => money(m)).join(', '))))));
}

/** The participating organisations: name (and its other languages), role, identifier, type, country. */
export function partnersPanel(p) {
  const partners = p.partners || [];
  const section = h('section', { class: 'panel', id: 'partners', 'aria-labelledby': 'partners-heading' },
    h('h2', { id: 'partners-heading' }, t('ui.project.partners.title')));
  if (!partners.length) {
    section.append(h('p', { class: 'empty' }, t('ui.project.partners.none')));
    return section;
  }
  const otherNames = (x) => Object.entries(x.names || {}).filter(([, name]) => name !== x.name);
  section.append(table(t('ui.project.partners.caption'), [
    { label: t('ui.project.col.organisation'), value: (x) => h('span', {}, userText(x.name),
      ...otherNames(x).flatMap(([tag, name]) => [h('br'), h('span', { lang: tag, translate: 'no', class: 'muted' }, name),
        ' ', h('span', { class: 'muted' }, `(${languageName(tag)})`)])) },
    { label: t('ui.project.col.role'), value: (x) => partnerRoleName(x.role) },
    { label: t('ui.project.col.orgRef'), value: (x) => userText(x.ref) },
    { label: t('ui.project.col.orgType'), value: (x) => userText(x.type) },
    { label: t('ui.project.col.country'), value: (x) => userText(x.country) },
  ], partners));
  return section;
}

/** The notes of the latest import: what it adjusted or did not record, and why. Null for a project never imported. */
export function importNotesPanel(p) {
  const notes = p.importNotes || [];
  if (!notes.length) return null;
  const section = h('section', { class: 'panel', id: 'import-notes', 'aria-labelledby': 'import-notes-heading' },
    h('h2', { id: 'import-notes-heading' }, t('ui.project.importNotes.title')),
    h('p', { class: 'muted' }, t('ui.project.importNotes.intro', { file: notes[0].file || '—' }), ' ', instant(notes[0].importedAt)));
  section.append(table(t('ui.project.importNotes.caption'), [
    { label: t('ui.project.col.kind'), value: (n) => (n.kind === 'NOT_RECORDED' ? t('ui.project.importNotes.notRecorded') : t('ui.project.importNotes.adjusted')) },
    { label: t('ui.project.col.subject'), value: (n) => userText(n.subject) },
    { label: t('ui.project.col.note'), value: (n) => userText(n.text, 'span', { lang: 'en' }) },
  ], notes, { class: 'data import-notes' }));
  return section;
}

// The money entries of the project that wait for a second person's approval (four-eyes): they count nowhere yet.
export function pendingApprovalsPanel(p) {
  const pending = p.pendingApprovals || [];
  if (!pending.length) return null;
  const section = h('section', { class: 'panel', id: 'pending-approvals', 'aria-labelledby': 'pending-approvals-heading' },
    h('h2', { id: 'pending-approvals-heading' }, t('ui.project.pending.title')),
    h('p', { class: 'notice warning' }, t('ui.project.pending.intro'), ' ',
      h('a', { href: '#/approvals' }, t('ui.nav.approvals'))));
  section.append(table(t('ui.project.pending.caption'), [
    { label: t('ui.approvals.col.kind'), value: (e) => approvalKindName(e.kind) },
    { label: t('ui.project.col.funding'), value: (e) => userText(e.fundingId) },
    { label: t('ui.approvals.col.amount'), class: 'num', value: (e) => money(e.amount) },
    { label: t('ui.project.col.date'), value: (e) => e.effectiveOn || '—' },
    { label: t('ui.approvals.col.submitted'), value: (e) => h('span', {}, userText(e.submittedBy), ', ', instant(e.submittedAt)) },
  ], pending, { class: 'data pending-approvals' }));
  return section;
}
