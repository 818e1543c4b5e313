import { extractFigures, sameFigure, type Figure } from '../understand/index.ts';

/**
 * The figures of some grounded texts, asked whether other figures appear among them. Figures compare by
 * the quantity they state (4萬 = 40,000, 九成 = 90%, 一年 = 12個月), so 0.25% never passes for 0.35%
 * and 25% never passes for NT$25.
 */
export class GroundedFigures {
  private readonly figures: Figure[];

  constructor(texts: Iterable<string>) {
    this.figures = [...texts].flatMap((text) => extractFigures(text));
  }

  /** The raw spelling of each figure in `text` that no grounded figure states, in order. */
  ungrounded(text: string): string[] {
    return extractFigures(text)
      .filter((candidate) => !this.includes(candidate))
      .map((candidate) => candidate.raw);
  }

  /** Whether a value read as any of `kinds` is stated, e.g. an age the model read from 「47歲」 or 「今年47」. */
  states(kinds: readonly Figure['kind'][], value: number): boolean {
    return kinds.some((kind) => this.includes({ kind, value, raw: String(value), index: 0 }));
  }

  private includes(candidate: Figure): boolean {
    return this.figures.some((grounded) => sameFigure(grounded, candidate));
  }
}
