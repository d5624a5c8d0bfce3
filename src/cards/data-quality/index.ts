/** The data-quality card (#16): its builder (view model in, card JSON out) and view model. */
export type * from './data-quality-view-models';
export { buildDataQualityCard, completenessTone, ownerLine, DATA_QUALITY_PAGE_POINTER } from './data-quality-card';
