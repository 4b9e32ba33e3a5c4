// Download buttons: a link to an XLSX export of the table a page shows, with the page's filters and the page's
// language (lang=), so the workbook's sheet names, headers and title row are in it. The browser sends the session
// cookie with the link, as with any page of this server.
import { h } from './dom.js';
import { query } from './api.js';
import { t, language } from './i18n.js';

/** The URL of an XLSX export with the given parameters (empty ones left out) in the page's language. */
export function xlsxUrl(path, params = {}) {
  return `${path}${query({ ...params, lang: language() })}`;
}

/** A "Download (Excel)" link; update(params) points it at the export with other filters. */
export function xlsxButton(id, path, params = {}) {
  const link = h('a', { class: 'button secondary download', id, href: xlsxUrl(path, params), download: '' },
    t('ui.download.xlsx'));
  link.update = (next) => { link.href = xlsxUrl(path, next); };
  return link;
}
