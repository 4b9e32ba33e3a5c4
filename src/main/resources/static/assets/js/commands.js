// Every command of the API as a form definition: its fields, where it is sent and which role may send it.
import { options } from './forms.js';
import { today, sourceName, money } from './dom.js';

const CURRENCIES = ['USD', 'KRW', 'UZS', 'EUR', 'JPY', 'CNY'];
const AUDIT_FIELDS = [
  { name: 'reason', label: 'Reason', type: 'textarea', hint: 'Why this is recorded; kept with the event.', wide: true },
  { name: 'sourceUrl', label: 'Source', type: 'url', hint: 'A link to the document or article (http(s) or a path on this server).', wide: true, placeholder: 'https://' },
];
const AGREEMENT_TYPES = ['MOU', 'FRAMEWORK', 'LOAN', 'GRANT', 'CONTRACT'];
const INSTRUMENTS = [['EDCF_LOAN', 'EDCF loan'], ['EXPORT_CREDIT', 'Export credit']];
const OTHER_SOURCES = ['KOICA_GRANT', 'PRIVATE_INVESTMENT', 'UZBEK_BUDGET', 'OTHER'];
export const PARTNER_ROLES = [['FUNDING', 'Funding'], ['ACCOUNTABLE', 'Accountable'], ['EXTENDING', 'Extending'], ['IMPLEMENTING', 'Implementing']];
export const STAGE_ACTIONS = [
  ['start', 'Start implementation'], ['suspend', 'Suspend'], ['resume', 'Resume'], ['complete', 'Complete'], ['cancel', 'Cancel'],
];

function amountFields(prefix, label, currency = 'USD') {
  return [
    { name: `${prefix}.amount`, label, required: true, inputmode: 'decimal', hint: 'Exact amount, e.g. 1500000.00', placeholder: '0.00' },
    { name: `${prefix}.currency`, label: `${label}: currency`, required: true, value: currency, datalist: CURRENCIES, hint: 'ISO 4217 code' },
  ];
}

function fundingChoices(project) {
  return project.fundings.map((f) => ({ value: f.fundingId, label: `${f.fundingId} — ${sourceName(f.source)}, ${money(f.amount)}` }));
}

/** The command forms of a project page, in display order. */
export function projectCommands(project) {
  const base = `/api/projects/${encodeURIComponent(project.projectId)}`;
  const fundings = fundingChoices(project);
  const firstCurrency = project.fundings[0] ? project.fundings[0].amount.currency : 'USD';
  return [
    {
      key: 'agreement', title: 'Sign an agreement', role: 'RECORDER', path: () => `${base}/agreements`,
      description: 'A binding agreement (loan, grant, contract, framework) moves a proposed project to Agreed; an MOU is recorded only.',
      fields: [
        { name: 'agreementId', label: 'Agreement id', required: true, hint: 'Letters, digits, . _ -' },
        { name: 'type', label: 'Type', type: 'select', required: true, options: options(AGREEMENT_TYPES), value: 'LOAN' },
        { name: 'signedOn', label: 'Signed on', type: 'date', required: true, value: today() },
        { name: 'parties', label: 'Parties', type: 'list', hint: 'Comma-separated, e.g. Ministry of Finance, Korea Eximbank', wide: true },
        { name: 'documentUrl', label: 'Document link', type: 'url', wide: true },
        ...AUDIT_FIELDS,
      ],
    },
    {
      key: 'eximbank', title: 'Fund via Korea Eximbank', role: 'FINANCE', path: () => `${base}/fundings/eximbank`,
      description: 'An EDCF loan or export credit (IATI transaction 2). With a facility id it draws on that credit line and is refused beyond its limit.',
      fields: [
        { name: 'fundingId', label: 'Funding id', required: true },
        { name: 'instrument', label: 'Instrument', type: 'select', required: true, options: INSTRUMENTS.map(([value, label]) => ({ value, label })) },
        ...amountFields('amount', 'Amount'),
        { name: 'committedOn', label: 'Committed on', type: 'date', required: true, value: today() },
        { name: 'interestRate', label: 'Interest rate (%)', inputmode: 'decimal' },
        { name: 'maturityYears', label: 'Maturity (years)', inputmode: 'numeric' },
        { name: 'graceYears', label: 'Grace (years)', inputmode: 'numeric' },
        { name: 'facilityId', label: 'Facility id', hint: 'e.g. EDCF-2024-2027', datalist: ['EDCF-2024-2027'] },
        ...AUDIT_FIELDS,
      ],
    },
    {
      key: 'funding', title: 'Record other funding', role: 'FINANCE', path: () => `${base}/fundings`,
      description: 'A KOICA grant, private investment, the Uzbek budget or another source.',
      fields: [
        { name: 'fundingId', label: 'Funding id', required: true },
        { name: 'source', label: 'Source', type: 'select', required: true, options: OTHER_SOURCES.map((s) => ({ value: s, label: sourceName(s) })) },
        { name: 'funder', label: 'Funder', required: true },
        ...amountFields('amount', 'Amount'),
        { name: 'committedOn', label: 'Committed on', type: 'date', required: true, value: today() },
        { name: 'flowType', label: 'IATI flow type', hint: 'Optional 2-digit code, e.g. 10, 30, 36' },
        ...AUDIT_FIELDS,
      ],
    },
    {
      key: 'disbursement', title: 'Record a disbursement', role: 'FINANCE', path: () => `${base}/disbursements`,
      description: 'Money paid out under a commitment, in the commitment\'s currency; never more than is committed.',
      fields: [
        fundings.length
          ? { name: 'fundingId', label: 'Commitment', type: 'select', required: true, options: fundings }
          : { name: 'fundingId', label: 'Funding id', required: true, hint: 'No commitment recorded yet' },
        ...amountFields('amount', 'Amount', firstCurrency),
        { name: 'disbursedOn', label: 'Disbursed on', type: 'date', required: true, value: today() },
        ...AUDIT_FIELDS,
      ],
    },
    {
      key: 'incoming', title: 'Record incoming funds', role: 'FINANCE', path: () => `${base}/incoming-funds`,
      description: 'Money the project received (IATI transaction 1), optionally under one of its commitments.',
      fields: [
        ...amountFields('amount', 'Amount', firstCurrency),
        { name: 'receivedOn', label: 'Received on', type: 'date', required: true, value: today() },
        { name: 'provider', label: 'From (provider)', required: true },
        { name: 'receiver', label: 'To (receiver)' },
        fundings.length
          ? { name: 'fundingId', label: 'Under commitment', type: 'select', options: [{ value: '', label: 'None' }, ...fundings] }
          : { name: 'fundingId', label: 'Under commitment (funding id)' },
        { name: 'description', label: 'Description', wide: true },
        ...AUDIT_FIELDS,
      ],
    },
    {
      key: 'expenditure', title: 'Record an expenditure', role: 'FINANCE', path: () => `${base}/expenditures`,
      description: 'Money the project spent (IATI transaction 4), optionally from one of its commitments.',
      fields: [
        ...amountFields('amount', 'Amount', firstCurrency),
        { name: 'spentOn', label: 'Spent on', type: 'date', required: true, value: today() },
        { name: 'provider', label: 'Paid by (provider)' },
        { name: 'receiver', label: 'Paid to (receiver)' },
        fundings.length
          ? { name: 'fundingId', label: 'From commitment', type: 'select', options: [{ value: '', label: 'None' }, ...fundings] }
          : { name: 'fundingId', label: 'From commitment (funding id)' },
        { name: 'description', label: 'Description', wide: true },
        ...AUDIT_FIELDS,
      ],
    },
    {
      key: 'correction', title: 'Correct a commitment', role: 'FINANCE',
      path: (body) => `${base}/fundings/${encodeURIComponent(body.fundingId || '')}/corrections`,
      description: 'Records the amount in force from a date; the original commitment is never edited.',
      fields: [
        fundings.length
          ? { name: 'fundingId', label: 'Commitment', type: 'select', required: true, options: fundings, send: false }
          : { name: 'fundingId', label: 'Funding id', required: true, send: false },
        ...amountFields('amount', 'New amount', firstCurrency),
        { name: 'on', label: 'Effective on', type: 'date', value: today() },
        { name: 'reason', label: 'Reason', type: 'textarea', required: true, wide: true },
        { name: 'sourceUrl', label: 'Source', type: 'url', wide: true },
      ],
    },
    {
      key: 'milestone', title: 'Record a milestone', role: 'RECORDER', path: () => `${base}/milestones`,
      description: 'Plan a milestone or record that it was achieved; recording the same id again updates it.',
      fields: [
        { name: 'milestoneId', label: 'Milestone id', required: true, datalist: project.milestones.map((m) => ({ value: m.milestoneId, label: m.name || '' })) },
        { name: 'name', label: 'Name' },
        { name: 'plannedOn', label: 'Planned on', type: 'date' },
        { name: 'achievedOn', label: 'Achieved on', type: 'date' },
        { name: 'on', label: 'Recorded as of', type: 'date', hint: 'The date the plan is effective from (default today)' },
        ...AUDIT_FIELDS,
      ],
    },
    {
      key: 'stage', title: 'Change the stage', role: 'RECORDER', path: (body) => `${base}/${body.action}`,
      description: 'Start, suspend, resume (back to the stage it left), complete or cancel. Suspend and cancel need a reason.',
      fields: [
        { name: 'action', label: 'Change', type: 'select', required: true, send: false, options: STAGE_ACTIONS.map(([value, label]) => ({ value, label })), value: suggestedAction(project.stage) },
        { name: 'on', label: 'Effective on', type: 'date', value: today() },
        ...AUDIT_FIELDS,
      ],
    },
  ];
}

function suggestedAction(stage) {
  return { FINANCED: 'start', IMPLEMENTATION: 'complete', SUSPENDED: 'resume' }[stage] || 'start';
}

/** A credit facility shared by projects (FINANCE). */
export const FACILITY_COMMAND = {
  key: 'facility', title: 'Create a credit facility', role: 'FINANCE', path: () => '/api/facilities',
  description: 'A credit line with a limit that commitments of several projects draw on (Eximbank funding with a facility id).',
  fields: [
    { name: 'facilityId', label: 'Facility id', required: true, hint: '3-64 letters, digits, . _ -' },
    { name: 'name', label: 'Name', required: true },
    { name: 'lender', label: 'Lender', required: true },
    ...amountFields('limit', 'Limit'),
    { name: 'validFrom', label: 'Valid from', type: 'date', required: true },
    { name: 'validTo', label: 'Valid to', type: 'date', required: true },
    ...AUDIT_FIELDS,
  ],
};
