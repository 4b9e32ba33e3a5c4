// Propose a project.
import { h, today } from '../dom.js';
import { post } from '../api.js';
import { buildForm, options } from '../forms.js';
import { partnerRoleOptions } from '../commands.js';
import { reference } from '../reference.js';
import { t, decimalSeparator, language, languages } from '../i18n.js';
import { regionName, sectorText } from '../labels.js';

export async function render(main, ctx) {
  main.append(h('h1', {}, t('ui.propose.title')));
  if (!ctx.session.can('RECORDER')) {
    main.append(h('p', { class: 'notice' }, t('ui.propose.needsRole')));
    return null;
  }
  const ref = await reference().catch(() => ({ regions: [], sectors: [] }));
  const form = buildForm({
    id: 'propose',
    description: t('ui.propose.description'),
    submitLabel: t('ui.propose.submit'),
    fields: [
      { name: 'title', label: t('ui.propose.field.title'), required: true, wide: true },
      // the language of the title and description, named in itself; the page's by default
      { name: 'language', label: t('ui.propose.field.language'), type: 'select', hint: t('ui.propose.hint.language'), value: language(),
        options: languages().map((l) => ({ value: l.code, label: l.name, lang: l.code })) },
      { name: 'projectId', label: t('ui.propose.field.projectId'), hint: t('ui.propose.hint.projectId'), placeholder: 'KR-UZ-…' },
      { name: 'sector', label: t('ui.propose.field.sector'), required: true, hint: t('ui.propose.hint.sector'), datalist: ref.sectors.map((s) => ({ value: s.code, label: sectorText(s.code, s.name), en: language() === 'en' ? null : s.name })), inputmode: 'numeric' },
      ref.regions.length
        ? { name: 'region', label: t('ui.propose.field.region'), required: true, type: 'select', options: options(ref.regions, regionName, t('ui.propose.chooseRegion')) }
        : { name: 'region', label: t('ui.propose.field.region'), required: true, hint: t('ui.propose.hint.region') },
      { name: 'proposedOn', label: t('ui.propose.field.proposedOn'), type: 'date', required: true, value: today() },
      { name: 'plannedStart', label: t('ui.propose.field.plannedStart'), type: 'date' },
      { name: 'plannedEnd', label: t('ui.propose.field.plannedEnd'), type: 'date' },
      { name: 'estimatedCost.amount', label: t('ui.propose.field.estimatedCost'), inputmode: 'decimal', placeholder: `0${decimalSeparator()}00` },
      { name: 'estimatedCost.currency', label: t('ui.cmd.field.currencyOf', { label: t('ui.propose.field.estimatedCost') }), value: 'USD', datalist: ['USD', 'KRW', 'UZS', 'EUR'] },
      { name: 'description', label: t('ui.propose.field.description'), type: 'textarea', wide: true },
      { name: 'partners', label: t('ui.propose.field.partners'), type: 'partners', roles: partnerRoleOptions() },
      { name: 'reason', label: t('ui.cmd.field.reason'), type: 'textarea', wide: true, hint: t('ui.cmd.hint.reason') },
      { name: 'sourceUrl', label: t('ui.cmd.field.source'), type: 'url', wide: true, placeholder: 'https://' },
    ],
    onSubmit: (body, values, headers) => {
      // the currency alone is no estimate
      if (body.estimatedCost && !body.estimatedCost.amount) delete body.estimatedCost;
      return post('/api/projects', body, headers);
    },
    onSuccess: (result) => {
      ctx.announce(t('ui.propose.done', { id: result.projectId }));
      ctx.navigate(`/projects/${encodeURIComponent(result.projectId)}`);
    },
  });
  main.append(form);
  return null;
}
