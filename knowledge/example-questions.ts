import type { CheckIssue } from './check-issue.ts';
import { normalizeText } from './normalize.ts';
import type { KnowledgeSection } from './schema.ts';

/**
 * Example questions: questions a section answers, written under it as quoted lines so staff see them where
 * they belong and can add more:
 *
 *   ## 肆、七、用心關懷協處（一）至（三）：保證後、信用弱化及信用惡化企業之關懷與協處
 *   ……
 *   > 例題：送保後公司經營惡化，基金會怎麼處理？
 *
 * They are indexed for search (a question asked the same way finds the section) and never quoted in answers.
 */

export interface ExampleQuestion {
  question: string;
  /** 1-based line in the document file. */
  line: number;
}

const EXAMPLE_LINE = /^\s*>\s*例題\s*[:：](.*)$/;

/** The question of an example line (「> 例題：…」), '' for an empty one, or undefined for any other line. */
export function exampleQuestionOf(line: string): string | undefined {
  const match = EXAMPLE_LINE.exec(line);
  return match ? (match[1] ?? '').trim() : undefined;
}

/** The line staff write under a section. */
export function exampleLine(question: string): string {
  return `> 例題：${question.replace(/\s+/g, ' ').trim()}`;
}

const IGNORED = /[\s\p{P}\p{S}]/gu;

/**
 * The form in which two questions count as the same: normalised (full-width, Simplified, case) and without
 * spaces, punctuation, symbols or a question's closing words, so 「批保費率？」, 「批保 費率」 and 「批保費率是多少」 match.
 */
export function questionKey(question: string): string {
  const key = normalizeText(question).replace(IGNORED, '');
  // (Nor the words that only end a question: 「營授比上限」 is 「營授比上限是多少」.)
  let stem = key;
  for (let end = QUESTION_END.exec(stem); end; end = QUESTION_END.exec(stem)) stem = stem.slice(0, end.index);
  return stem.length >= 2 ? stem : key;
}

/** Words ending a question that add nothing to what it asks about: 是多少, 是什麼, 嗎, 呢. */
const QUESTION_END = /(?:是多少|是什麼|是啥|有多少|多少|嗎|呢|啊|呀|喔)$/u;

/** An example question written under two sections (or twice under one) would not say which one answers it. */
export function duplicateExamples(sections: KnowledgeSection[], fileOf: (section: KnowledgeSection) => string): CheckIssue[] {
  const first = new Map<string, { section: KnowledgeSection; example: ExampleQuestion }>();
  const issues: CheckIssue[] = [];
  for (const section of sections) {
    for (const example of section.examples ?? []) {
      const key = questionKey(example.question);
      const seen = first.get(key);
      if (!seen) {
        first.set(key, { section, example });
        continue;
      }
      const where = seen.section === section ? '本節' : `${fileOf(seen.section)}:${seen.example.line}〈${seen.section.heading}〉`;
      issues.push({
        file: fileOf(section),
        line: example.line,
        severity: seen.section === section ? 'warning' : 'error',
        message: `例題「${example.question}」已寫在 ${where}：同一個問題只能屬於一節，請刪除其中一行`,
      });
    }
  }
  return issues;
}

const SECTION_HEADING = /^#{2,3}\s/;
const CODE_FENCE = /^\s*(```|~~~)/;

/**
 * The document's text with `question` added as the last example of the section whose heading starts on
 * `headingLine` (1-based): after the section's last non-blank line, before the next heading.
 */
export function withExampleQuestion(content: string, headingLine: number, question: string): string {
  const lines = content.split('\n');
  let end = lines.length;
  let inCode = false;
  for (let index = headingLine; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (CODE_FENCE.test(line)) inCode = !inCode;
    if (!inCode && SECTION_HEADING.test(line)) {
      end = index;
      break;
    }
  }
  let last = end - 1;
  while (last >= headingLine && (lines[last] ?? '').trim() === '') last--;
  const previous = lines[last] ?? '';
  // A blank line keeps the example out of the paragraph above; consecutive examples stay together.
  const insert = exampleQuestionOf(previous) === undefined ? ['', exampleLine(question)] : [exampleLine(question)];
  return [...lines.slice(0, last + 1), ...insert, ...lines.slice(last + 1)].join('\n');
}
