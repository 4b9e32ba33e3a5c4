// A page module as it must not be written (PagesTextTest checks that its scan finds these four).
import { h } from '../dom.js';

export function sample(days) {
  const save = h('button', { type: 'submit', class: 'primary button' }, 'Save');
  const empty = h('p', { class: 'empty' }, 'No projects');
  const stalled = `Stalled ${days} days`;
  document.querySelector('nav a[data-nav]');
  return [save, empty, stalled, h('a', { href: '#' }, "Download CSV")];
}
