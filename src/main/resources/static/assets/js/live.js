// Live updates: one EventSource on /api/stream; "change" events say which projects and facilities have new events.
import { languageHeaders } from './i18n.js';

/**
 * Connects and keeps connected. onChange(change) gets {head, projects, versions, facilities, reload};
 * onState(state) gets 'live' | 'reconnecting' | 'offline'. On each (re)connection onChange also gets the server's hello,
 * marked initial: true, naming the projects of the latest events with their versions.
 */
export function connectLive(onChange, onState) {
  let source = null;
  let retry = null;
  const open = () => {
    source = new EventSource('/api/stream');
    source.addEventListener('hello', (event) => {
      onState('live');
      // the projects of the latest events: a page read from a lagging read model catches up with them
      try {
        onChange({ ...JSON.parse(event.data), initial: true });
      } catch (e) {
        console.warn('live update failed', e);
      }
    });
    source.addEventListener('change', (event) => {
      onState('live');
      try {
        onChange(JSON.parse(event.data));
      } catch (e) {
        // a page that failed to refresh keeps what it shows; the next change tries again
        console.warn('live update failed', e);
      }
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // the browser gave up (e.g. 401 or 503): check the session, then try again later
        onState('offline');
        clearTimeout(retry);
        retry = setTimeout(async () => {
          const me = await fetch('/api/me', { credentials: 'same-origin', headers: languageHeaders() }).catch(() => null);
          if (me && me.status === 401) {
            location.assign('/login');
            return;
          }
          open();
        }, 5000);
      } else {
        onState('reconnecting');
      }
    });
  };
  open();
  return () => {
    clearTimeout(retry);
    if (source) source.close();
  };
}
