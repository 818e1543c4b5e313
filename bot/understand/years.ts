/**
 * Years a question names: 2022, 民國111年, 111年 (ROC years 60–149 before 年), and in English "ROC year 111", "ROC 111",
 * "year 110" (an ROC year: a Gregorian year has four digits), as Gregorian years.
 */
const YEAR =
  /(?<![\d.])(?:民國\s*)?(?<roc>1[0-4]\d|[6-9]\d)\s*年|(?<!\d)(?<ad>19[5-9]\d|20\d\d)(?![\d萬億千元塊%])|\b(?:roc\s+(?:year\s+)?|year\s+)(?<english>1[0-4]\d|[6-9]\d)\b/giu;

export function findYears(text: string): number[] {
  return [
    ...new Set(
      [...text.matchAll(YEAR)].map((m) => {
        const roc = m.groups?.roc ?? m.groups?.english;
        return roc ? Number(roc) + 1911 : Number(m.groups?.ad);
      }),
    ),
  ];
}
