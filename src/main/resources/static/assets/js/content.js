// Recorded text in several languages (a project's title and description): shown in the page's language when it was
// recorded in it, else as originally recorded, marked with its language (lang attribute and a small tag, as the
// pages mark English sector names). The texts themselves are never translated by the page.
import { h } from './dom.js';
import { t, language } from './i18n.js';

const primary = (tag) => String(tag || '').toLowerCase().split('-')[0];

/**
 * The text to show of {tag: text}: the page's language (exactly, else the same language in another script or
 * region), else the original's. {text, lang, fallback}: fallback when it is not in the page's language.
 */
export function pick(texts, originalLanguage, originalText) {
  const page = language();
  const original = originalLanguage || 'en';
  const entries = Object.entries(texts || {}).filter(([, text]) => text);
  const found = entries.find(([tag]) => tag.toLowerCase() === page) || entries.find(([tag]) => primary(tag) === page);
  if (found) return { text: found[1], lang: found[0], fallback: false };
  if (originalText || !entries.length) return { text: originalText, lang: original, fallback: primary(original) !== page };
  // no original (a description given only in other languages): the first there is
  return { text: entries[0][1], lang: entries[0][0], fallback: primary(entries[0][0]) !== page };
}

/** The titles of a project view's texts ({tag: {title, description}}) or descriptions, by language. */
export function field(texts, name) {
  return Object.fromEntries(Object.entries(texts || {}).map(([tag, text]) => [tag, text ? text[name] : null]));
}

/** The names of the pages' own languages, in the page's language (browsers do not all know Uzbek's). */
const NAMES = {
  en: 'ui.content.language.en', uz: 'ui.content.language.uz', ru: 'ui.content.language.ru', ko: 'ui.content.language.ko',
};

/** A language's name in the page's language (영어 for en on a Korean page), else its code. */
export function languageName(tag) {
  if (NAMES[tag]) return t(NAMES[tag]);
  try {
    return new Intl.DisplayNames([language()], { type: 'language' }).of(tag) || tag;
  } catch (e) {
    return tag;
  }
}

/** The tag after a text shown in another language than the page's: its code, its name in the title. */
export function languageTag(tag) {
  return h('abbr', { class: 'lang-tag', lang: tag, translate: 'no', title: t('ui.content.notTranslated', { language: languageName(tag) }) },
    primary(tag).toUpperCase());
}

/**
 * The text as an element (`tag`, with `attrs`) marked with its language and translate="no", and the language tag
 * when it is not in the page's language; [element, tag or null].
 */
export function recordedText(texts, originalLanguage, originalText, tag = 'span', attrs = {}) {
  const shown = pick(texts, originalLanguage, originalText);
  const value = shown.text === null || shown.text === undefined || shown.text === '' ? '—' : String(shown.text);
  return [h(tag, { ...attrs, lang: shown.lang, translate: 'no' }, value), shown.fallback ? languageTag(shown.lang) : null];
}
