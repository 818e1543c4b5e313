/** Understanding one message: normalisation, figures, facts, programmes, intent and asks. */
export { understand } from './understand.ts';
export { parseChineseNumber } from './numbers.ts';
export { parseAmount } from './amounts.ts';
export { parseRatio } from './ratios.ts';
export { parsePeriod } from './periods.ts';
export { parseDate } from './dates.ts';
export { extractFigures, sameFigure } from './figures.ts';
export { normalizeText } from './normalize.ts';
export { ASKS } from './types.ts';
export type { Ask, Figure, Intent, Understanding } from './types.ts';
