/** Years a question names: 2022, 民國111年, 111年 (ROC years 60–149 before 年), as Gregorian years. */
const YEAR = /(?<![\d.])(?:民國\s*)?(1[0-4]\d|[6-9]\d)\s*年|(?<!\d)(19[5-9]\d|20\d\d)(?![\d萬億千元塊%])/g;

export function findYears(text: string): number[] {
  return [...new Set([...text.matchAll(YEAR)].map((m) => (m[1] ? Number(m[1]) + 1911 : Number(m[2]))))];
}
