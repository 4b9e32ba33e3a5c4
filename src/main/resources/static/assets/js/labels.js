// Reference data in the page's language (catalogue keys ref.*): stages, IATI codes, funding sources, roles, regions,
// DAC sectors. The API's values (codes, canonical English names) stay as they are; only what is shown changes.
import { t, language } from './i18n.js';

/** The stages in board order: FINALISATION (IATI 3) between IMPLEMENTATION and COMPLETED. */
export const STAGES = ['PROPOSED', 'AGREED', 'FINANCED', 'IMPLEMENTATION', 'FINALISATION', 'SUSPENDED', 'COMPLETED', 'CANCELLED'];

/** The data-quality flags (project.query.DataQuality.Flag) and their short names, for filters and badges. */
export const DATA_QUALITY_FLAGS = {
  STATUS_WITHOUT_FUNDING: 'ui.dataQuality.statusWithoutFunding',
  CLOSED_WITH_UNDISBURSED: 'ui.dataQuality.closedWithUndisbursed',
  PIPELINE_WITH_SPENDING: 'ui.dataQuality.pipelineWithSpending',
};
export const dataQualityShortName = (flag) => (DATA_QUALITY_FLAGS[flag] ? t(DATA_QUALITY_FLAGS[flag]) : flag);
/** Why a project carries a flag, in the page's language: the status reported and the money concerned. */
export const dataQualityReason = (entry, amounts) => t(`ref.dataQuality.${entry.flag}`,
  { status: `${entry.status} ${t(`ref.activityStatus.${entry.status}`)}`, amounts });

export const stageName = (stage) => (stage ? t(`ref.stage.${stage}`) : '');
export const activityStatusName = (code) => t(`ref.activityStatus.${code}`);
export const transactionTypeName = (code) => t(`ref.transactionType.${code}`);
export const sourceName = (code) => t(`ref.fundingSource.${code}`);
export const instrumentName = (code) => t(`ref.instrument.${code}`);
export const agreementTypeName = (code) => t(`ref.agreementType.${code}`);
export const partnerRoleName = (code) => t(`ref.partnerRole.${code}`);
export const roleName = (code) => t(`ref.role.${code}`);
export const stallKindName = (code) => t(`ref.stallKind.${code}`);
export const sectorCategoryName = (code3) => t(`ref.sectorCategory.${code3}`);
export const eventTypeName = (type) => t(`ref.eventType.${type}`);

/** The catalogue key of a canonical region name: "Andijan Region" → ref.region.andijan-region. */
export function regionKey(region) {
  return `ref.region.${String(region).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

export function regionName(region) {
  return region ? t(regionKey(region)) : '';
}

/**
 * A DAC sector as text: in English its name; in another language the translated 3-digit category, then the
 * 5-digit name in English marked "(EN)".
 */
export function sectorText(code, englishName) {
  const name = englishName || code;
  if (language() === 'en' || !code) return name;
  return t('ui.sector.withEnglishName', { category: sectorCategoryName(String(code).slice(0, 3)), name, tag: t('ui.common.englishTag') });
}
