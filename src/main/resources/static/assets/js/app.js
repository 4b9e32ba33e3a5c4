// The app shell: language and time zone, session (who is signed in, which roles), navigation by hash routes, live
// updates.
import { h, clear } from './dom.js';
import { get, put, csrfHeaders, ApiError } from './api.js';
import { connectLive } from './live.js';
import { showNotifications } from './notifications.js';
import {
  t, loadCatalogue, translateStatic, storedLanguage, storedZone, rememberInBrowser, useZone, language, zone, zones,
  languages, zoneLabel, zoneName, zoneOffset,
} from './i18n.js';
import { roleName } from './labels.js';
import { storedCurrency, useCurrency } from './currency.js';
import * as board from './pages/board.js';
import * as list from './pages/list.js';
import * as funding from './pages/funding.js';
import * as project from './pages/project.js';
import * as propose from './pages/propose.js';
import * as audit from './pages/audit.js';
import * as approvals from './pages/approvals.js';

const ROUTES = [
  { pattern: /^\/board$/, page: board, nav: 'board' },
  { pattern: /^\/list$/, page: list, nav: 'list' },
  { pattern: /^\/funding$/, page: funding, nav: 'funding' },
  { pattern: /^\/projects\/new$/, page: propose, nav: 'propose' },
  { pattern: /^\/projects\/([^/]+)$/, page: project, nav: 'board' },
  { pattern: /^\/audit$/, page: audit, nav: 'audit' },
  { pattern: /^\/approvals$/, page: approvals, nav: 'approvals' },
];

/**
 * Who is signed in. Without security (GET /api/me answers 404) everything is shown; an anonymous visitor of a
 * server with public read sees the pages but no forms.
 */
const session = {
  user: null,
  /** true when the user has the role (ADMIN has every role); always true when the server has no sign-in. */
  can(role) {
    if (!this.user) return true;
    if (!this.user.authenticated) return false;
    return this.user.roles.includes('ADMIN') || this.user.roles.includes(role);
  },
  get signedIn() {
    return Boolean(this.user && this.user.authenticated);
  },
};

const main = document.getElementById('main');
const announcer = document.getElementById('announcer');
let current = null;
let renderCount = 0;

function announce(message) {
  announcer.textContent = '';
  // a fresh text node so screen readers announce the same message again
  setTimeout(() => { announcer.textContent = message; }, 30);
}

function navigate(path) {
  if (location.hash === `#${path}`) route();
  else location.hash = `#${path}`;
}

async function loadSession() {
  try {
    const me = await get('/api/me');
    session.user = {
      authenticated: me.authenticated !== false && Boolean(me.username),
      username: me.username,
      roles: (me.roles || []).map((r) => String(r).replace(/^ROLE_/, '')),
    };
  } catch (e) {
    session.user = null;
    if (!(e instanceof ApiError) || (e.status !== 404 && e.status !== 405)) console.warn('GET /api/me', e);
  }
}

/**
 * The language and time zone: a signed-in user's from the server (GET /api/me/preferences: what they chose, else
 * the best match of the Accept-Language this browser sends); an anonymous visitor's from this browser, else the
 * server's match of Accept-Language and the default zone.
 */
async function loadLanguage() {
  let chosenLanguage = storedLanguage();
  let chosenZone = storedZone();
  let chosenCurrency = storedCurrency();
  if (session.signedIn) {
    try {
      const preferences = await get('/api/me/preferences');
      chosenLanguage = preferences.language || chosenLanguage;
      chosenZone = preferences.timeZone || chosenZone;
      chosenCurrency = preferences.displayCurrency || chosenCurrency;
    } catch (e) {
      console.warn('GET /api/me/preferences', e);
    }
  }
  await loadCatalogue(chosenLanguage);
  useZone(chosenZone);
  useCurrency(chosenCurrency, keepCurrency);
}

/** Keeps a display currency chosen on a page for a signed-in user (this browser keeps it anyway). */
async function keepCurrency(currency) {
  if (!session.signedIn) return;
  try {
    await put('/api/me/preferences', { displayCurrency: currency });
  } catch (e) {
    announce(e instanceof ApiError ? e.userMessage : String(e.message || e));
  }
}

/** Stores a new choice (on the server for a signed-in user, in this browser always) and shows the page in it. */
async function choose(preferences) {
  rememberInBrowser(preferences.language, preferences.timeZone);
  if (session.signedIn) {
    try {
      await put('/api/me/preferences', preferences);
    } catch (e) {
      announce(e instanceof ApiError ? e.userMessage : String(e.message || e));
      return;
    }
  }
  location.reload();
}

function showPreferences() {
  const area = clear(document.getElementById('preferences'));
  const languageSelect = h('select', { id: 'language', title: t('ui.prefs.language') },
    languages().map((l) => h('option', { value: l.code, lang: l.code, selected: l.code === language() }, l.name)));
  languageSelect.addEventListener('change', () => choose({ language: languageSelect.value }));
  const zoneSelect = h('select', { id: 'time-zone', title: t('ui.prefs.timeZone') },
    zones().map((z) => h('option', { value: z, selected: z === zone() }, zoneLabel(z))));
  zoneSelect.addEventListener('change', () => choose({ timeZone: zoneSelect.value }));
  area.append(
    h('label', { for: 'language', class: 'visually-hidden' }, t('ui.prefs.language')), languageSelect,
    h('label', { for: 'time-zone', class: 'visually-hidden' }, t('ui.prefs.timeZone')), zoneSelect);
  document.getElementById('footer-times').textContent = t('ui.footer.times', { zone: `${zoneName(zone())} (${zoneOffset(zone())})` });
}

function showSession() {
  const area = clear(document.getElementById('session'));
  if (session.user && !session.user.authenticated) {
    area.append(h('a', { href: '/login', class: 'button secondary', id: 'sign-in' }, t('ui.session.signIn')));
  } else if (session.user) {
    area.append(h('span', { class: 'user', id: 'user-name', translate: 'no' }, session.user.username),
      h('span', { class: 'roles' }, session.user.roles.map((r) => roleName(r)).join(', ')));
    const logout = h('form', { method: 'post', action: '/logout', class: 'logout' },
      h('button', { type: 'submit', class: 'secondary', id: 'logout' }, t('ui.session.logOut')));
    logout.addEventListener('submit', async (event) => {
      event.preventDefault();
      await fetch('/logout', { method: 'POST', credentials: 'same-origin', headers: csrfHeaders() }).catch(() => null);
      location.assign('/login?logout');
    });
    area.append(logout);
  }
  for (const link of document.querySelectorAll('[data-role]')) {
    // data-role: the roles that see the link, separated by spaces (any one of them)
    link.closest('li').hidden = !link.dataset.role.split(' ').some((role) => session.can(role));
  }
}

/**
 * The changes of the last moments, merged. A page opened right after a write (the user's own on the project page, then
 * the board, the list or the funding page) reads read models that may not have caught up with it yet, and the change
 * that names the write was delivered to the page before: it is told again to the new page, which re-reads until it
 * has caught up (the board) or shortly after (the list, the funding page), as it does for a change while open.
 */
const RECENT_MS = 15000;
let recent = null;

function remember(change) {
  if (change.initial) return;
  const now = Date.now();
  if (!recent || now - recent.at > RECENT_MS) recent = { at: now, projects: new Set(), versions: {}, facilities: new Set(), reload: false };
  recent.at = now;
  (change.projects || []).forEach((id) => recent.projects.add(id));
  Object.entries(change.versions || {}).forEach(([id, version]) => {
    recent.versions[id] = Math.max(recent.versions[id] || 0, version);
  });
  (change.facilities || []).forEach((id) => recent.facilities.add(id));
  recent.reload = recent.reload || !!change.reload;
}

function replayRecent() {
  if (!recent || Date.now() - recent.at > RECENT_MS || !current || !current.onChange) return;
  try {
    current.onChange({
      projects: [...recent.projects], versions: { ...recent.versions }, facilities: [...recent.facilities],
      reload: recent.reload, replayed: true,
    });
  } catch (e) {
    console.warn('live update failed', e);
  }
}

async function route() {
  const hash = location.hash || '#/board';
  if (!hash.startsWith('#/')) return; // e.g. the skip link's #main
  const [path, search] = hash.slice(1).split('?');
  const match = ROUTES.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m);
  if (current && current.destroy) current.destroy();
  current = null;
  clear(main);
  document.title = t('ui.app.title');
  const count = ++renderCount;
  for (const link of document.querySelectorAll('nav a[data-nav]')) {
    if (match && link.dataset.nav === match.r.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (!match) {
    main.append(h('h1', {}, t('ui.app.notFound')), h('p', {}, h('a', { href: '#/board' }, t('ui.app.backToBoard'))));
    return;
  }
  const ctx = {
    session, navigate, announce, redraw: route,
    params: match.m.slice(1).map(decodeURIComponent),
    query: new URLSearchParams(search || ''),
    isCurrent: () => count === renderCount,
  };
  try {
    const page = await match.r.page.render(main, ctx);
    if (count === renderCount) {
      current = page || null;
      replayRecent();
    }
  } catch (e) {
    if (count !== renderCount) return;
    main.append(h('div', { class: 'notice error', role: 'alert' },
      e instanceof ApiError ? e.userMessage : t('ui.app.error', { message: e.message })));
  }
  if (count === renderCount && count > 1) {
    const heading = main.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }
}

function liveState(state) {
  const el = document.getElementById('live-state');
  el.dataset.state = state;
  el.textContent = { live: t('ui.live.live'), reconnecting: t('ui.live.reconnecting'), offline: t('ui.live.offline') }[state] || state;
  el.title = state === 'live' ? t('ui.live.liveHint') : t('ui.live.pausedHint');
}

document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', route);

await loadSession();
await loadLanguage();
translateStatic();
showPreferences();
showSession();
if (session.signedIn) showNotifications(document.getElementById('notifications'), announce);
await route();
connectLive((change) => {
  remember(change);
  if (current && current.onChange) current.onChange(change);
}, liveState);
