// Approvals inbox: the money entries waiting for a second person's approval (four-eyes); approve, or reject with a
// reason. Nobody approves their own entry (the server refuses it too).
import { h, instant, table, data as userText } from '../dom.js';
import { get, post, enc, ApiError } from '../api.js';
import { t, formatMoney, formatDecimal } from '../i18n.js';

/** The kinds of money entry, in the page's language. */
const KINDS = {
  COMMITMENT: 'ui.approvals.kind.COMMITMENT',
  CORRECTION: 'ui.approvals.kind.CORRECTION',
  DISBURSEMENT: 'ui.approvals.kind.DISBURSEMENT',
};

/** A money entry's kind in the page's language (its code when unknown). */
export const approvalKindName = (kind) => (KINDS[kind] ? t(KINDS[kind]) : kind);

function message(e) {
  return e instanceof ApiError ? e.userMessage : String(e.message || e);
}

export async function render(main, ctx) {
  main.append(h('h1', {}, t('ui.approvals.title')), h('p', {}, t('ui.approvals.description')));
  if (!['FINANCE', 'APPROVER', 'AUDITOR'].some((role) => ctx.session.can(role))) {
    main.append(h('p', { class: 'notice' }, t('ui.approvals.needsRole')));
    return null;
  }
  const status = h('div', { role: 'status', class: 'approvals-status' });
  const list = h('div', { id: 'approvals-list' });
  main.append(status, list);
  const me = ctx.session.user && ctx.session.user.username;
  const mayDecide = ctx.session.can('FINANCE') || ctx.session.can('APPROVER');

  async function decide(entry, action, body) {
    status.classList.remove('notice', 'error');
    try {
      await post(`/api/approvals/${enc(entry.id)}/${action}`, body);
      const done = t(action === 'approve' ? 'ui.approvals.approved' : 'ui.approvals.rejected');
      status.textContent = done;
      ctx.announce(done);
      await load();
    } catch (e) {
      status.classList.add('notice', 'error');
      status.textContent = message(e);
    }
  }

  function decision(entry) {
    if (!mayDecide) return '—';
    if (me && entry.submittedBy === me) return h('span', { class: 'muted' }, t('ui.approvals.own'));
    const reason = h('input', { type: 'text', name: 'reason', maxlength: '2000', 'aria-label': t('ui.approvals.rejectReason'),
      placeholder: t('ui.approvals.rejectReason') });
    return h('div', { class: 'approval-actions' },
      h('button', { type: 'button', class: 'approve', on: { click: () => decide(entry, 'approve', {}) } }, t('ui.approvals.approve')),
      reason,
      h('button', { type: 'button', class: 'reject', on: { click: () => decide(entry, 'reject', { reason: reason.value }) } },
        t('ui.approvals.reject')));
  }

  async function load() {
    const entries = await get('/api/approvals');
    list.replaceChildren();
    if (!entries.length) {
      list.append(h('p', { class: 'approvals-none' }, t('ui.approvals.none')));
      return;
    }
    list.append(table(t('ui.approvals.caption'), [
      { label: t('ui.approvals.col.project'), value: (e) => h('a', { href: `#/projects/${enc(e.projectId)}` }, userText(e.projectTitle || e.projectId)) },
      { label: t('ui.approvals.col.kind'), value: (e) => approvalKindName(e.kind) },
      { label: t('ui.approvals.col.amount'), class: 'num', value: (e) => formatMoney(e.amount) },
      { label: t('ui.approvals.col.usd'), class: 'num', value: (e) => (e.usd == null ? t('ui.approvals.noRate') : formatDecimal(e.usd, 2)) },
      { label: t('ui.approvals.col.submitted'), value: (e) => h('span', {}, userText(e.submittedBy), ', ', instant(e.submittedAt)) },
      { label: t('ui.approvals.col.reason'), value: (e) => (e.reason ? userText(e.reason) : '—') },
      { label: t('ui.approvals.col.decide'), value: decision },
    ], entries, { rowClass: () => 'approval' }));
  }

  await load();
  return null;
}
