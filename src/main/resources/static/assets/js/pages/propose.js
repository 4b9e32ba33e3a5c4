// Propose a project.
import { h } from '../dom.js';
import { post } from '../api.js';
import { buildForm, options } from '../forms.js';
import { PARTNER_ROLES } from '../commands.js';
import { reference } from '../reference.js';
import { today } from '../dom.js';

export async function render(main, ctx) {
  main.append(h('h1', {}, 'Propose a project'));
  if (!ctx.session.can('RECORDER')) {
    main.append(h('p', { class: 'notice' }, 'Proposing a project needs the RECORDER role.'));
    return null;
  }
  const ref = await reference().catch(() => ({ regions: [], sectors: [] }));
  const form = buildForm({
    id: 'propose',
    description: 'Fields marked * are required. Every value is checked by the server; problems are shown beside the field.',
    submitLabel: 'Propose project',
    fields: [
      { name: 'title', label: 'Title', required: true, wide: true },
      { name: 'projectId', label: 'Project id', hint: 'Optional: 3-64 letters, digits, . _ -; one is generated when empty', placeholder: 'KR-UZ-…' },
      { name: 'sector', label: 'Sector (DAC code)', required: true, hint: '5-digit DAC purpose code, e.g. 21030 (rail transport)', datalist: ref.sectors.map((s) => ({ value: s.code, label: s.name })), inputmode: 'numeric' },
      ref.regions.length
        ? { name: 'region', label: 'Region', required: true, type: 'select', options: options(ref.regions, (r) => r, 'Choose a region') }
        : { name: 'region', label: 'Region', required: true, hint: 'An Uzbek region, e.g. Samarkand, Khorezm, Tashkent City' },
      { name: 'proposedOn', label: 'Proposed on', type: 'date', required: true, value: today() },
      { name: 'plannedStart', label: 'Planned start', type: 'date' },
      { name: 'plannedEnd', label: 'Planned end', type: 'date' },
      { name: 'estimatedCost.amount', label: 'Estimated cost', inputmode: 'decimal', placeholder: '0.00' },
      { name: 'estimatedCost.currency', label: 'Estimated cost: currency', value: 'USD', datalist: ['USD', 'KRW', 'UZS', 'EUR'] },
      { name: 'description', label: 'Description', type: 'textarea', wide: true },
      { name: 'partners', label: 'Partners', type: 'partners', roles: PARTNER_ROLES.map(([value, label]) => ({ value, label })) },
      { name: 'reason', label: 'Reason', type: 'textarea', wide: true, hint: 'Why this is recorded; kept with the event.' },
      { name: 'sourceUrl', label: 'Source', type: 'url', wide: true, placeholder: 'https://' },
    ],
    onSubmit: (body, values, headers) => {
      // the currency alone is no estimate
      if (body.estimatedCost && !body.estimatedCost.amount) delete body.estimatedCost;
      return post('/api/projects', body, headers);
    },
    onSuccess: (result) => {
      ctx.announce(`Project ${result.projectId} proposed.`);
      ctx.navigate(`/projects/${encodeURIComponent(result.projectId)}`);
    },
  });
  main.append(form);
  return null;
}
