// The app shell: session (who is signed in, which roles), navigation by hash routes, live updates.
import { h, clear } from './dom.js';
import { get, csrfHeaders, ApiError } from './api.js';
import { connectLive } from './live.js';
import * as board from './pages/board.js';
import * as funding from './pages/funding.js';
import * as project from './pages/project.js';
import * as propose from './pages/propose.js';
import * as audit from './pages/audit.js';

const ROUTES = [
  { pattern: /^\/board$/, page: board, nav: 'board' },
  { pattern: /^\/funding$/, page: funding, nav: 'funding' },
  { pattern: /^\/projects\/new$/, page: propose, nav: 'propose' },
  { pattern: /^\/projects\/([^/]+)$/, page: project, nav: 'board' },
  { pattern: /^\/audit$/, page: audit, nav: 'audit' },
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
  const area = document.getElementById('session');
  clear(area);
  if (session.user && !session.user.authenticated) {
    area.append(h('a', { href: '/login', class: 'button secondary', id: 'sign-in' }, 'Sign in'));
  } else if (session.user) {
    area.append(h('span', { class: 'user', id: 'user-name' }, session.user.username),
      h('span', { class: 'roles' }, session.user.roles.join(', ')));
    const logout = h('form', { method: 'post', action: '/logout', class: 'logout' },
      h('button', { type: 'submit', class: 'secondary', id: 'logout' }, 'Log out'));
    logout.addEventListener('submit', async (event) => {
      event.preventDefault();
      await fetch('/logout', { method: 'POST', credentials: 'same-origin', headers: csrfHeaders() }).catch(() => null);
      location.assign('/login?logout');
    });
    area.append(logout);
  }
  for (const link of document.querySelectorAll('[data-role]')) {
    link.closest('li').hidden = !session.can(link.dataset.role);
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
  const count = ++renderCount;
  for (const link of document.querySelectorAll('nav a[data-nav]')) {
    if (match && link.dataset.nav === match.r.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (!match) {
    main.append(h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/board' }, 'Back to the board')));
    return;
  }
  const ctx = {
    session, navigate, announce,
    params: match.m.slice(1).map(decodeURIComponent),
    query: new URLSearchParams(search || ''),
    isCurrent: () => count === renderCount,
  };
  try {
    const page = await match.r.page.render(main, ctx);
    if (count === renderCount) current = page || null;
  } catch (e) {
    if (count !== renderCount) return;
    main.append(h('div', { class: 'notice error', role: 'alert' },
      e instanceof ApiError ? e.userMessage : `Something went wrong: ${e.message}`));
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
  el.textContent = { live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' }[state] || state;
  el.title = state === 'live' ? 'This page updates by itself when something is recorded' : 'Live updates are paused';
}

document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', route);

await loadSession();
await route();
connectLive((change) => {
  if (current && current.onChange) current.onChange(change);
}, liveState);
