// The bell in the header: the signed-in user's unread notifications (GET /api/notifications), a list of the newest
// linking to each project, "mark all read", and the notification settings (e-mail on/off and the address). The
// server writes each notification's text in the user's language.
import { h, clear, instant, data as userText } from './dom.js';
import { get, post, put, enc, ApiError } from './api.js';
import { t } from './i18n.js';

const NEWEST = 10;
const REFRESH_MS = 60_000;

/** Shows the bell in `area`; `announce` tells screen readers what changed. */
export function showNotifications(area, announce) {
  const count = h('span', { class: 'notification-count', id: 'notification-count', 'aria-hidden': 'true' }, '0');
  const bell = h('button', {
    type: 'button', id: 'notification-bell', class: 'notification-bell',
    'aria-expanded': 'false', 'aria-controls': 'notification-panel', 'aria-label': t('ui.notification.bell'),
  }, h('img', { class: 'bell-icon', src: '/assets/bell.svg', alt: '', width: 16, height: 16 }), count);
  const list = h('ul', { class: 'notification-list', id: 'notification-list' });
  const markAll = h('button', { type: 'button', id: 'notification-mark-all', class: 'secondary' },
    t('ui.notification.markAllRead'));
  // novalidate: the server's reason, in the page's language, rather than the browser's own
  const settings = h('form', { class: 'notification-settings', id: 'notification-settings', novalidate: true });
  const panel = h('div', {
    id: 'notification-panel', class: 'notification-panel', role: 'region', hidden: true,
    'aria-label': t('ui.notification.title'),
  }, h('h2', {}, t('ui.notification.title')), list, markAll, settings);
  clear(area).append(bell, panel);

  function showCount(unread) {
    count.textContent = String(unread);
    count.dataset.unread = String(unread);
    bell.setAttribute('aria-label', t('ui.notification.bellUnread', { count: unread }));
    bell.title = t('ui.notification.bellUnread', { count: unread });
  }

  async function refresh() {
    try {
      const page = await get(`/api/notifications?size=${NEWEST}`);
      showCount(page.unread);
      clear(list);
      if (!page.items.length) list.append(h('li', { class: 'muted' }, t('ui.notification.empty')));
      for (const n of page.items) {
        // people's own data (titles, names) as they wrote it, marked as nothing to translate
        const words = (n.parts || [{ text: n.text, data: false }]).map((p) => (p.data ? userText(p.text) : p.text));
        const link = h('a', { href: n.link || '#/board' }, ...words);
        link.addEventListener('click', () => { if (!n.readAt) post(`/api/notifications/${enc(n.id)}/read`).then(refresh, () => null); });
        list.append(h('li', { class: n.readAt ? 'read' : 'unread', dataset: { kind: n.kind } },
          h('span', { class: 'notification-kind' }, n.kindName), ' ', link, ' ', instant(n.createdAt)));
      }
    } catch (e) {
      if (!(e instanceof ApiError)) console.warn('GET /api/notifications', e);
    }
  }

  async function showSettings() {
    clear(settings);
    let current;
    try {
      current = await get('/api/me/notification-settings');
    } catch (e) {
      return;
    }
    const email = h('input', { type: 'checkbox', id: 'notification-email', checked: current.email });
    const address = h('input', { type: 'email', id: 'notification-address', value: current.address || '', autocomplete: 'email' });
    const status = h('span', { class: 'notification-status', role: 'status' });
    settings.append(h('h3', {}, t('ui.notification.settings')),
      h('p', { class: 'check-line' }, email, h('label', { for: 'notification-email' }, t('ui.notification.email'))),
      h('p', {}, h('label', { for: 'notification-address' }, t('ui.notification.address')), address),
      current.emailAvailable ? null : h('p', { class: 'muted' }, t('ui.notification.emailUnavailable')),
      h('p', {}, h('button', { type: 'submit', id: 'notification-save' }, t('ui.notification.save')), ' ', status));
    settings.onsubmit = async (event) => {
      event.preventDefault();
      try {
        await put('/api/me/notification-settings', { email: email.checked, address: address.value });
        status.textContent = t('ui.notification.saved');
      } catch (e) {
        status.textContent = e instanceof ApiError ? e.userMessage : String(e.message || e);
      }
    };
  }

  function open(show) {
    panel.hidden = !show;
    bell.setAttribute('aria-expanded', String(show));
    if (show) {
      refresh();
      showSettings();
    }
  }

  bell.addEventListener('click', () => open(panel.hidden));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      open(false);
      bell.focus();
    }
  });
  markAll.addEventListener('click', async () => {
    try {
      await post('/api/notifications/read-all');
      await refresh();
      announce(t('ui.notification.bellUnread', { count: 0 }));
    } catch (e) {
      announce(e instanceof ApiError ? e.userMessage : String(e.message || e));
    }
  });
  refresh();
  setInterval(refresh, REFRESH_MS);
}
