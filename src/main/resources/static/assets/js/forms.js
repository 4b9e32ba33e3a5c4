// Forms for the API's commands: labelled fields, the server's problem+json field errors shown beside each field
// (aria-invalid, aria-describedby) and in an aria-live summary.
import { h, uid, clear } from './dom.js';
import { ApiError, uuid } from './api.js';
import { t, isIsoDate, instantFromLocal, decimalInput } from './i18n.js';

/**
 * Field definition: {name: 'amount.amount' (dotted path in the JSON body; "[i]" for list items), label, type
 * ('text' | 'date' | 'instant' | 'number' | 'select' | 'textarea' | 'url' | 'list' | 'partners'),
 * required, options [{value, label, en, lang}] (lang: the language a label is written in, when not the page's),
 * hint, placeholder, value, inputmode, datalist [values or {value,label,en}]
 * (en: the English name a label shows for want of a translation, kept in data-en),
 * send: false (not part of the body), onChange(value, form): called once built and whenever the field changes}.
 * Dates are text fields for YYYY-MM-DD (no browser date picker, whose format
 * follows the browser's locale); an instant is the user's wall-clock time "YYYY-MM-DD HH:MM:SS", sent as UTC.
 */
export function buildForm({ id, title, description, fields, submitLabel, onSubmit, onSuccess, className }) {
  const formId = id || uid('form');
  const summary = h('div', { class: 'form-summary', id: `${formId}-summary`, 'aria-live': 'assertive', role: 'alert', tabindex: '-1', hidden: true });
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const controls = new Map(); // field name → {input, error, wrapper}
  const form = h('form', { id: formId, class: `command-form ${className || ''}`, novalidate: true, 'aria-describedby': `${formId}-summary` });
  if (title) form.append(h('h3', { class: 'form-title' }, title));
  if (description) form.append(h('p', { class: 'form-description' }, description));
  form.append(summary);
  const grid = h('div', { class: 'fields' });
  form.append(grid);
  for (const field of fields) {
    if (field.type === 'partners') grid.append(partnersField(formId, field, controls));
    else grid.append(fieldElement(formId, field, controls));
  }
  for (const field of fields.filter((f) => f.onChange)) {
    const control = controls.get(field.name);
    if (control && control.input) {
      control.input.addEventListener('change', () => field.onChange(control.input.value, form));
      field.onChange(control.input.value, form);
    }
  }
  const submit = h('button', { type: 'submit', class: 'primary' }, submitLabel || t('ui.form.save'));
  form.append(h('div', { class: 'form-actions' }, submit, status));

  // One Idempotency-Key per form instance and intended write: the same values sent again (a double click, a second
  // Enter, a retry after a lost answer) carry the same key and are recorded once; the server answers the repeat as
  // it answered the first. A new key when the values change, or after the server refused them (a 4xx other than
  // "still running"), so a corrected form is a new write.
  let idempotencyKey = null;
  let sentBody = null;
  let sending = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return; // a second submit while the first is on its way: the same write, already being sent
    sending = true;
    clearErrors(controls, summary);
    status.textContent = t('ui.form.sending');
    submit.disabled = true;
    try {
      for (const control of [...controls.values()]) if (control.prune) control.prune();
      const { body, values, errors } = collect(form, fields);
      if (errors.length) throw new ApiError(400, { errors });
      const text = JSON.stringify(body);
      if (!idempotencyKey || text !== sentBody) {
        idempotencyKey = uuid();
        sentBody = text;
      }
      const result = await onSubmit(body, values, { 'Idempotency-Key': idempotencyKey });
      status.textContent = t('ui.form.saved');
      if (onSuccess) await onSuccess(result, form);
    } catch (e) {
      const running = e instanceof ApiError && String(e.problem.type || '').endsWith('/in-progress');
      if (e instanceof ApiError && e.status >= 400 && e.status < 500 && !running) idempotencyKey = null;
      status.textContent = '';
      showErrors(e, controls, summary, fields);
    } finally {
      submit.disabled = false;
      sending = false;
    }
  });
  return form;
}

function fieldElement(formId, field, controls) {
  const inputId = `${formId}-${slug(field.name)}`;
  const errorId = `${inputId}-error`;
  const hintId = field.hint ? `${inputId}-hint` : null;
  let input;
  const common = {
    id: inputId, name: field.name, 'data-field': field.name, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
    'aria-required': field.required ? 'true' : null, required: field.required || null,
  };
  if (field.type === 'select') {
    input = h('select', common, (field.options || []).map((o) => h('option', { value: o.value, selected: o.value === field.value, 'data-en': o.en, lang: o.lang }, o.label)));
  } else if (field.type === 'textarea') {
    input = h('textarea', { ...common, rows: 3, placeholder: field.placeholder }, field.value || '');
  } else {
    const type = ['list', 'date', 'instant'].includes(field.type) ? 'text' : field.type || 'text';
    const dateLike = field.type === 'date' || field.type === 'instant';
    let listId = null;
    let datalist = null;
    if (field.datalist) {
      listId = `${inputId}-options`;
      datalist = h('datalist', { id: listId }, field.datalist.map((o) => (typeof o === 'string'
        ? h('option', { value: o }) : h('option', { value: o.value, 'data-en': o.en }, o.label))));
    }
    input = h('input', {
      ...common, type, value: field.value ?? '', inputmode: dateLike ? 'numeric' : field.inputmode,
      placeholder: field.placeholder || (field.type === 'date' ? t('ui.form.datePlaceholder') : null)
        || (field.type === 'instant' ? t('ui.form.instantPlaceholder') : null),
      pattern: field.type === 'date' ? '\\d{4}-\\d{2}-\\d{2}' : null, maxlength: field.type === 'date' ? '10' : null,
      list: listId, autocomplete: field.autocomplete || 'off', step: field.step, dataset: { kind: field.type || 'text' },
    });
    if (datalist) input = [input, datalist];
  }
  const control = Array.isArray(input) ? input[0] : input;
  const error = h('p', { class: 'field-error', id: errorId, hidden: true });
  const wrapper = h('div', { class: `field ${field.wide ? 'wide' : ''}` },
    h('label', { for: inputId }, field.label, field.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    field.hint ? h('p', { class: 'hint', id: hintId }, field.hint) : null,
    input, error);
  controls.set(field.name, { input: control, error, wrapper, field });
  return wrapper;
}

/** Repeated rows of partner name, country, role: fields partners[i].name etc., renumbered before each submit. */
function partnersField(formId, field, controls) {
  const rows = h('div', { class: 'partner-rows' });
  const fieldset = h('fieldset', { class: 'field wide partners' }, h('legend', {}, field.label));
  const error = h('p', { class: 'field-error', id: `${formId}-partners-error`, hidden: true });
  const entries = []; // {row, parts: [{key, control}]}
  let made = 0;
  const KEYS = ['name', 'country', 'role'];
  const LABELS = { name: 'ui.form.partner.nameN', country: 'ui.form.partner.countryN', role: 'ui.form.partner.roleN' };
  const renumber = () => {
    for (const name of [...controls.keys()]) if (name.startsWith(`${field.name}[`)) controls.delete(name);
    entries.forEach((entry, i) => {
      for (const { key, control } of entry.parts) {
        const name = `${field.name}[${i}].${key}`;
        control.input.name = name;
        control.input.dataset.field = name;
        control.label.textContent = t(LABELS[key], { n: i + 1 });
        control.field.label = t(LABELS[key], { n: i + 1 });
        controls.set(name, control);
      }
      entry.remove.setAttribute('aria-label', t('ui.form.partner.removeN', { n: i + 1 }));
    });
  };
  const addRow = (values = {}) => {
    made += 1;
    const row = h('div', { class: 'partner-row' });
    const defs = [
      { name: `${field.name}-new-${made}.name`, label: t('ui.form.partner.name'), value: values.name },
      { name: `${field.name}-new-${made}.country`, label: t('ui.form.partner.country'), value: values.country, datalist: ['KR', 'UZ'], placeholder: 'KR' },
      { name: `${field.name}-new-${made}.role`, label: t('ui.form.partner.role'), type: 'select', value: values.role || 'FUNDING', options: field.roles },
    ];
    const scratch = new Map();
    for (const def of defs) row.append(fieldElement(formId, def, scratch));
    const parts = defs.map((def, i) => {
      const control = scratch.get(def.name);
      control.label = control.wrapper.querySelector('label');
      return { key: KEYS[i], control };
    });
    const remove = h('button', { type: 'button', class: 'link-button' }, t('ui.form.partner.remove'));
    const entry = { row, parts, remove };
    remove.addEventListener('click', () => {
      row.remove();
      entries.splice(entries.indexOf(entry), 1);
      renumber();
    });
    row.append(h('div', { class: 'field row-actions' }, remove));
    rows.append(row);
    entries.push(entry);
    renumber();
  };
  const add = h('button', { type: 'button', class: 'secondary' }, t('ui.form.partner.add'));
  add.addEventListener('click', () => addRow());
  fieldset.append(rows, add, error);
  for (const values of field.value || [{}]) addRow(values);
  // before a submit: rows left empty are not partners; the rest are numbered as the body will be
  const prune = () => {
    for (const entry of [...entries]) {
      const [name, country] = entry.parts.map((p) => p.control.input.value.trim());
      if (!name && !country && entries.length > 0) {
        entry.row.remove();
        entries.splice(entries.indexOf(entry), 1);
      }
    }
    renumber();
    if (!entries.length) addRow();
  };
  controls.set(field.name, { input: null, error, wrapper: fieldset, field, prune });
  return fieldset;
}

function slug(name) {
  return name.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '');
}

/**
 * The JSON body: dotted names become nested objects, "a[0].b" list items; empty inputs are left out. A date that is
 * not YYYY-MM-DD, or an instant that is not a wall-clock time, is an error here (in the user's language), not sent.
 */
function collect(form, fields) {
  const body = {};
  const values = {};
  const errors = [];
  const listFields = new Set(fields.filter((f) => f.type === 'list').map((f) => f.name));
  const skip = new Set(fields.filter((f) => f.send === false).map((f) => f.name));
  for (const el of form.querySelectorAll('[data-field]')) {
    const name = el.dataset.field;
    let value = el.value.trim();
    values[name] = value;
    if (value === '' || skip.has(name)) continue;
    if (el.inputMode === 'decimal') value = decimalInput(value);
    if (el.dataset.kind === 'date' && !isIsoDate(value)) {
      errors.push({ field: name, reason: t('ui.form.error.date', { value }) });
      continue;
    }
    if (el.dataset.kind === 'instant') {
      const instant = instantFromLocal(value);
      if (!instant) {
        errors.push({ field: name, reason: t('ui.form.error.instant', { value }) });
        continue;
      }
      value = instant;
    }
    if (listFields.has(name)) {
      setPath(body, name, value.split(',').map((v) => v.trim()).filter(Boolean));
    } else {
      setPath(body, name, value);
    }
  }
  // a partner row with every box empty but the role is not a partner
  for (const field of fields.filter((f) => f.type === 'partners')) {
    if (Array.isArray(body[field.name])) body[field.name] = body[field.name].filter((p) => p && (p.name || p.country));
  }
  return { body, values, errors };
}

function setPath(target, path, value) {
  const parts = path.match(/[^.[\]]+|\[\d+\]/g);
  let node = target;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const key = part.startsWith('[') ? Number(part.slice(1, -1)) : part;
    if (last) {
      node[key] = value;
    } else {
      const nextIsIndex = parts[i + 1].startsWith('[');
      if (node[key] === undefined) node[key] = nextIsIndex ? [] : {};
      node = node[key];
    }
  });
}

function clearErrors(controls, summary) {
  for (const { input, error } of controls.values()) {
    if (input) input.removeAttribute('aria-invalid');
    error.textContent = '';
    error.hidden = true;
  }
  clear(summary);
  summary.hidden = true;
}

/** Finds the control a server field name refers to: exact, then without list indexes, then the first below it. */
function controlFor(controls, field) {
  if (!field) return null;
  if (controls.has(field)) return controls.get(field);
  const withoutIndex = field.replace(/\[\d+\]$/, '');
  if (controls.has(withoutIndex)) return controls.get(withoutIndex);
  for (const [name, control] of controls) {
    if (name.startsWith(`${field}.`) || name.startsWith(`${field}[`)) return control;
  }
  const parent = field.replace(/\[\d+\].*$/, '');
  return controls.get(parent) || null;
}

function showErrors(e, controls, summary, fields) {
  const apiError = e instanceof ApiError ? e : new ApiError(0, { detail: e.message });
  summary.hidden = false;
  const items = [];
  let first = null;
  for (const { field, reason } of apiError.fieldErrors) {
    const control = controlFor(controls, field);
    if (control) {
      if (control.input) control.input.setAttribute('aria-invalid', 'true');
      control.error.hidden = false;
      control.error.textContent = control.error.textContent ? `${control.error.textContent} ${reason}` : reason;
      const label = control.field.label || field;
      const target = control.input;
      // a refused command (409) explains itself once, above; the list only leads to the field
      const link = h('a', { href: '#', class: 'error-link' }, apiError.status === 409 ? t('ui.form.goTo', { label }) : t('ui.form.fieldReason', { label, reason }));
      link.addEventListener('click', (ev) => {
        ev.preventDefault();
        if (target) target.focus();
      });
      items.push(h('li', {}, link));
      if (!first && target) first = target;
    } else {
      items.push(h('li', {}, t('ui.form.fieldReason', { label: field, reason })));
    }
  }
  let heading;
  if (apiError.status === 403) heading = t('ui.form.notAllowed');
  else if (apiError.status === 409 || !apiError.fieldErrors.length) heading = t('ui.form.notSaved');
  else heading = t('ui.form.fieldsNeedAttention', { count: apiError.fieldErrors.length });
  summary.append(h('p', { class: 'summary-title' }, heading));
  if (!apiError.fieldErrors.length || apiError.status === 409) summary.append(h('p', {}, apiError.userMessage));
  if (items.length) summary.append(h('ul', {}, items));
  if (first) first.focus();
  else summary.focus();
}

/** Options for a select from a list of codes and an optional naming function; with an empty first choice. */
export function options(codes, name = (c) => c, empty = null) {
  const list = codes.map((c) => ({ value: c, label: name(c) }));
  return empty === null ? list : [{ value: '', label: empty }, ...list];
}
