// Every command of the API as a form definition: its fields, where it is sent and which role may send it.
// Built when a page is drawn, so every label is in the page's language.
import { options } from './forms.js';
import { today, money } from './dom.js';
import { t, decimalSeparator, language, languages } from './i18n.js';
import { languageName } from './content.js';
import { sourceName, instrumentName, agreementTypeName, partnerRoleName } from './labels.js';

const CURRENCIES = ['USD', 'KRW', 'UZS', 'EUR', 'JPY', 'CNY'];
const AGREEMENT_TYPES = ['MOU', 'FRAMEWORK', 'LOAN', 'GRANT', 'CONTRACT'];
const INSTRUMENTS = ['EDCF_LOAN', 'EXPORT_CREDIT'];
const CONVENTIONS = ['EQUAL_SEMI_ANNUAL_PRINCIPAL', 'ANNUITY_SEMI_ANNUAL'];
/** The catalogue key naming a loan's repayment convention (the default when none is recorded). */
export const conventionText = (c) => t(c === 'ANNUITY_SEMI_ANNUAL'
  ? 'ui.loan.convention.ANNUITY_SEMI_ANNUAL' : 'ui.loan.convention.EQUAL_SEMI_ANNUAL_PRINCIPAL');
const OTHER_SOURCES = ['KOICA_GRANT', 'PRIVATE_INVESTMENT', 'UZBEK_BUDGET', 'OTHER'];
export const PARTNER_ROLES = ['FUNDING', 'ACCOUNTABLE', 'EXTENDING', 'IMPLEMENTING'];
const STAGE_ACTIONS = {
  start: 'ui.cmd.stage.start', finalise: 'ui.cmd.stage.finalise', suspend: 'ui.cmd.stage.suspend',
  resume: 'ui.cmd.stage.resume', complete: 'ui.cmd.stage.complete', cancel: 'ui.cmd.stage.cancel',
};

function auditFields() {
  return [
    { name: 'reason', label: t('ui.cmd.field.reason'), type: 'textarea', hint: t('ui.cmd.hint.reason'), wide: true },
    { name: 'sourceUrl', label: t('ui.cmd.field.source'), type: 'url', hint: t('ui.cmd.hint.source'), wide: true, placeholder: 'https://' },
  ];
}

function amountFields(prefix, label, currency = 'USD') {
  return [
    { name: `${prefix}.amount`, label, required: true, inputmode: 'decimal', hint: t('ui.cmd.hint.amount', { example: `1500000${decimalSeparator()}00` }), placeholder: `0${decimalSeparator()}00` },
    { name: `${prefix}.currency`, label: t('ui.cmd.field.currencyOf', { label }), required: true, value: currency, datalist: CURRENCIES, hint: t('ui.cmd.hint.currency') },
  ];
}

/** The partner roles for a select (IATI OrganisationRole 1-4). */
export function partnerRoleOptions() {
  return PARTNER_ROLES.map((value) => ({ value, label: partnerRoleName(value) }));
}

function fundingChoices(project) {
  return project.fundings.map((f) => ({
    value: f.fundingId, label: t('ui.cmd.fundingChoice', { id: f.fundingId, source: sourceName(f.source), amount: money(f.amount) }),
  }));
}

/** The command forms of a project page, in display order. */
export function projectCommands(project) {
  const base = `/api/projects/${encodeURIComponent(project.projectId)}`;
  const fundings = fundingChoices(project);
  const firstCurrency = project.fundings[0] ? project.fundings[0].amount.currency : 'USD';
  const none = { value: '', label: t('ui.cmd.none') };
  return [
    {
      key: 'agreement', title: t('ui.cmd.agreement.title'), role: 'RECORDER', path: () => `${base}/agreements`,
      description: t('ui.cmd.agreement.description'),
      fields: [
        { name: 'agreementId', label: t('ui.cmd.field.agreementId'), required: true, hint: t('ui.cmd.hint.id') },
        { name: 'type', label: t('ui.cmd.field.agreementType'), type: 'select', required: true, options: options(AGREEMENT_TYPES, agreementTypeName), value: 'LOAN' },
        { name: 'signedOn', label: t('ui.cmd.field.signedOn'), type: 'date', required: true, value: today() },
        { name: 'parties', label: t('ui.cmd.field.parties'), type: 'list', hint: t('ui.cmd.hint.parties'), wide: true },
        { name: 'documentUrl', label: t('ui.cmd.field.documentUrl'), type: 'url', wide: true },
        ...auditFields(),
      ],
    },
    {
      key: 'eximbank', title: t('ui.cmd.eximbank.title'), role: 'FINANCE', path: () => `${base}/fundings/eximbank`,
      description: t('ui.cmd.eximbank.description'),
      fields: [
        { name: 'fundingId', label: t('ui.cmd.field.fundingId'), required: true },
        { name: 'instrument', label: t('ui.cmd.field.instrument'), type: 'select', required: true, options: options(INSTRUMENTS, instrumentName) },
        ...amountFields('amount', t('ui.cmd.field.amount')),
        { name: 'committedOn', label: t('ui.cmd.field.committedOn'), type: 'date', required: true, value: today() },
        { name: 'interestRate', label: t('ui.cmd.field.interestRate'), inputmode: 'decimal' },
        { name: 'maturityYears', label: t('ui.cmd.field.maturityYears'), inputmode: 'numeric' },
        { name: 'graceYears', label: t('ui.cmd.field.graceYears'), inputmode: 'numeric' },
        { name: 'repaymentConvention', label: t('ui.cmd.field.repaymentConvention'), type: 'select', options: options(CONVENTIONS, conventionText) },
        { name: 'effectiveOn', label: t('ui.cmd.field.loanEffectiveOn'), type: 'date' },
        { name: 'closingOn', label: t('ui.cmd.field.closingOn'), type: 'date' },
        { name: 'facilityId', label: t('ui.cmd.field.facilityId'), hint: t('ui.cmd.hint.facilityId', { example: 'EDCF-2024-2027' }), datalist: ['EDCF-2024-2027'] },
        ...auditFields(),
      ],
    },
    {
      key: 'funding', title: t('ui.cmd.funding.title'), role: 'FINANCE', path: () => `${base}/fundings`,
      description: t('ui.cmd.funding.description'),
      fields: [
        { name: 'fundingId', label: t('ui.cmd.field.fundingId'), required: true },
        { name: 'source', label: t('ui.cmd.field.fundingSource'), type: 'select', required: true, options: options(OTHER_SOURCES, sourceName) },
        { name: 'funder', label: t('ui.cmd.field.funder'), required: true },
        ...amountFields('amount', t('ui.cmd.field.amount')),
        { name: 'committedOn', label: t('ui.cmd.field.committedOn'), type: 'date', required: true, value: today() },
        { name: 'flowType', label: t('ui.cmd.field.flowType'), hint: t('ui.cmd.hint.flowType') },
        ...auditFields(),
      ],
    },
    {
      key: 'disbursement', title: t('ui.cmd.disbursement.title'), role: 'FINANCE', path: () => `${base}/disbursements`,
      description: t('ui.cmd.disbursement.description'),
      fields: [
        fundings.length
          ? { name: 'fundingId', label: t('ui.cmd.field.commitment'), type: 'select', required: true, options: fundings }
          : { name: 'fundingId', label: t('ui.cmd.field.fundingId'), required: true, hint: t('ui.cmd.hint.noCommitment') },
        ...amountFields('amount', t('ui.cmd.field.amount'), firstCurrency),
        { name: 'disbursedOn', label: t('ui.cmd.field.disbursedOn'), type: 'date', required: true, value: today() },
        ...auditFields(),
      ],
    },
    {
      key: 'incoming', title: t('ui.cmd.incoming.title'), role: 'FINANCE', path: () => `${base}/incoming-funds`,
      description: t('ui.cmd.incoming.description'),
      fields: [
        ...amountFields('amount', t('ui.cmd.field.amount'), firstCurrency),
        { name: 'receivedOn', label: t('ui.cmd.field.receivedOn'), type: 'date', required: true, value: today() },
        { name: 'provider', label: t('ui.cmd.field.providerFrom'), required: true },
        { name: 'receiver', label: t('ui.cmd.field.receiverTo') },
        fundings.length
          ? { name: 'fundingId', label: t('ui.cmd.field.underCommitment'), type: 'select', options: [none, ...fundings] }
          : { name: 'fundingId', label: t('ui.cmd.field.underCommitmentId') },
        { name: 'description', label: t('ui.cmd.field.description'), wide: true },
        ...auditFields(),
      ],
    },
    {
      key: 'expenditure', title: t('ui.cmd.expenditure.title'), role: 'FINANCE', path: () => `${base}/expenditures`,
      description: t('ui.cmd.expenditure.description'),
      fields: [
        ...amountFields('amount', t('ui.cmd.field.amount'), firstCurrency),
        { name: 'spentOn', label: t('ui.cmd.field.spentOn'), type: 'date', required: true, value: today() },
        { name: 'provider', label: t('ui.cmd.field.paidBy') },
        { name: 'receiver', label: t('ui.cmd.field.paidTo') },
        fundings.length
          ? { name: 'fundingId', label: t('ui.cmd.field.fromCommitment'), type: 'select', options: [none, ...fundings] }
          : { name: 'fundingId', label: t('ui.cmd.field.fromCommitmentId') },
        { name: 'description', label: t('ui.cmd.field.description'), wide: true },
        ...auditFields(),
      ],
    },
    {
      key: 'correction', title: t('ui.cmd.correction.title'), role: 'FINANCE',
      path: (body) => `${base}/fundings/${encodeURIComponent(body.fundingId || '')}/corrections`,
      description: t('ui.cmd.correction.description'),
      fields: [
        fundings.length
          ? { name: 'fundingId', label: t('ui.cmd.field.commitment'), type: 'select', required: true, options: fundings, send: false }
          : { name: 'fundingId', label: t('ui.cmd.field.fundingId'), required: true, send: false },
        ...amountFields('amount', t('ui.cmd.field.newAmount'), firstCurrency),
        { name: 'on', label: t('ui.cmd.field.effectiveOn'), type: 'date', value: today() },
        { name: 'reason', label: t('ui.cmd.field.reason'), type: 'textarea', required: true, wide: true },
        { name: 'sourceUrl', label: t('ui.cmd.field.source'), type: 'url', wide: true },
      ],
    },
    {
      key: 'loanDates', title: t('ui.cmd.loanDates.title'), role: 'FINANCE',
      path: (body) => `${base}/fundings/${encodeURIComponent(body.fundingId || '')}/dates`,
      description: t('ui.cmd.loanDates.description'),
      fields: [
        fundings.length
          ? { name: 'fundingId', label: t('ui.cmd.field.commitment'), type: 'select', required: true, options: fundings, send: false }
          : { name: 'fundingId', label: t('ui.cmd.field.fundingId'), required: true, send: false },
        { name: 'effectiveOn', label: t('ui.cmd.field.loanEffectiveOn'), type: 'date' },
        { name: 'closingOn', label: t('ui.cmd.field.closingOn'), type: 'date' },
        { name: 'on', label: t('ui.cmd.field.recordedAsOf'), type: 'date', value: today() },
        ...auditFields(),
      ],
    },
    {
      key: 'milestone', title: t('ui.cmd.milestone.title'), role: 'RECORDER', path: () => `${base}/milestones`,
      description: t('ui.cmd.milestone.description'),
      fields: [
        { name: 'milestoneId', label: t('ui.cmd.field.milestoneId'), required: true, datalist: project.milestones.map((m) => ({ value: m.milestoneId, label: m.name || '' })) },
        { name: 'name', label: t('ui.cmd.field.milestoneName') },
        { name: 'plannedOn', label: t('ui.cmd.field.plannedOn'), type: 'date' },
        { name: 'achievedOn', label: t('ui.cmd.field.achievedOn'), type: 'date' },
        { name: 'on', label: t('ui.cmd.field.recordedAsOf'), type: 'date', hint: t('ui.cmd.hint.recordedAsOf') },
        ...auditFields(),
      ],
    },
    textCommand(project, base),
    {
      key: 'stage', title: t('ui.cmd.stage.title'), role: 'RECORDER', path: (body) => `${base}/${body.action}`,
      description: t('ui.cmd.stage.description'),
      fields: [
        { name: 'action', label: t('ui.cmd.field.stageChange'), type: 'select', required: true, send: false, options: Object.entries(STAGE_ACTIONS).map(([value, key]) => ({ value, label: t(key) })), value: suggestedAction(project.stage) },
        { name: 'on', label: t('ui.cmd.field.effectiveOn'), type: 'date', value: today() },
        ...auditFields(),
      ],
    },
  ];
}

/**
 * The title and description in a language other than the original's: the pages' languages (named in themselves)
 * and any other language already recorded (so it can be corrected); choosing one fills in what is recorded in it.
 */
function textCommand(project, base) {
  const original = project.language || 'en';
  const own = languages().filter((l) => l.code !== original).map((l) => ({ value: l.code, label: l.name, lang: l.code }));
  const recorded = Object.keys(project.texts || {}).filter((tag) => tag !== original && !own.some((o) => o.value === tag))
    .map((tag) => ({ value: tag, label: `${languageName(tag)} (${tag})` }));
  const choices = [...own, ...recorded];
  const preferred = choices.find((c) => c.value === language()) || choices[0];
  const fill = (tag, form) => {
    const text = (project.texts || {})[tag] || {};
    for (const name of ['title', 'description']) {
      const input = form.querySelector(`[data-field='${name}']`);
      if (input) input.value = text[name] || '';
    }
  };
  return {
    key: 'text', title: t('ui.cmd.text.title'), role: 'RECORDER', path: () => `${base}/texts`,
    description: t('ui.cmd.text.description', { language: languageName(original) }),
    fields: [
      { name: 'language', label: t('ui.cmd.field.language'), type: 'select', required: true, options: choices, value: preferred && preferred.value, onChange: fill },
      { name: 'title', label: t('ui.propose.field.title'), wide: true },
      { name: 'description', label: t('ui.cmd.field.description'), type: 'textarea', wide: true },
      { name: 'on', label: t('ui.cmd.field.effectiveOn'), type: 'date', hint: t('ui.cmd.hint.textEffectiveOn') },
      ...auditFields(),
    ],
  };
}

function suggestedAction(stage) {
  return { FINANCED: 'start', IMPLEMENTATION: 'complete', FINALISATION: 'complete', SUSPENDED: 'resume' }[stage] || 'start';
}

/** A credit facility shared by projects (FINANCE). */
export function facilityCommand() {
  return {
    key: 'facility', title: t('ui.cmd.facility.title'), role: 'FINANCE', path: () => '/api/facilities',
    description: t('ui.cmd.facility.description'),
    fields: [
      { name: 'facilityId', label: t('ui.cmd.field.facilityId'), required: true, hint: t('ui.cmd.hint.facilityIdFormat') },
      { name: 'name', label: t('ui.cmd.field.facilityName'), required: true },
      { name: 'lender', label: t('ui.cmd.field.lender'), required: true },
      ...amountFields('limit', t('ui.cmd.field.limit')),
      { name: 'validFrom', label: t('ui.cmd.field.validFrom'), type: 'date', required: true },
      { name: 'validTo', label: t('ui.cmd.field.validTo'), type: 'date', required: true },
      ...auditFields(),
    ],
  };
}
