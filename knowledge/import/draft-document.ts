import { stringify } from 'yaml';
import { rocDateToIso } from '../roc-date.ts';
import { DOCUMENT_ID_PATTERN } from '../schema.ts';
import { joinText, type Block } from './blocks.ts';

/** A draft knowledge document made from an imported file, and what staff should check before publishing it. */
export interface DraftDocument {
  id: string;
  markdown: string;
  /** What the importer found (and from where), and what it could not tell. */
  found: Array<{ field: string; value: string; from: string }>;
  missing: Array<{ field: string; message: string }>;
  headings: string[];
}

// Matched on the text without white space, as PDFs space characters unevenly.
const ROC_DATE_TEXT = '(?:中華民國|民國)?\\d{2,3}年\\d{1,2}月\\d{1,2}日';
const ISSUED = new RegExp(`發文日期[:：](${ROC_DATE_TEXT})`);
const EFFECTIVE = new RegExp(`自(${ROC_DATE_TEXT})起|於(${ROC_DATE_TEXT})(?:實施|施行|生效)`);
const NUMBER = /發文字號[:：]([^，。]+?號)|([(（]\d{2,3}[)）][^，。:：]{1,12}字第\d+號)/;
const ISSUERS = /財團法人中小企業信用保證基金|經濟部中小(?:及新創)?企業署|經濟部中小企業處|經濟部|行政院|金融監督管理委員會/;
const NUMBERED = /^([一二三四五六七八九十]+)、/;
const LETTER_HEAD = /^(?:受文者|發文日期|發文字號|速別|密等|附件|地址|聯絡|電話|傳真|承辦|電子信箱)/;

/**
 * Turns the blocks of an announcement into a draft in the knowledge format. Styled headings become sections;
 * a letter without them (the form of the fund's 函) is split at 主旨, 說明 一、二、…, and 正本/副本. Front matter
 * is filled where the text says it (issuer, 發文字號, 發文日期, the date it takes effect); what it cannot tell
 * is left empty, so the check asks staff for it rather than a guess passing unnoticed.
 */
export function draftDocument(blocks: Block[], source: { fileName: string; importedOn: string; id?: string }): DraftDocument {
  const text = blocks.map(blockText).join('\n');
  const compact = text.replace(/\s+/g, '');
  const found: DraftDocument['found'] = [];
  const missing: DraftDocument['missing'] = [];

  const sections = sectionsOf(blocks);
  const titleBlock = blocks.find((block) => block.kind === 'heading' && block.level === 1 && !/^\S*\s*函$/.test(block.text));
  const subject = sections.find((section) => section.heading === '主旨')?.lines.join('');
  const title = titleBlock && titleBlock.kind === 'heading' ? titleBlock.text : subject ? firstClause(subject) : undefined;
  if (title) found.push({ field: 'title', value: title, from: titleBlock ? '文件標題' : '主旨的第一句，請改為原文標題' });
  else missing.push({ field: 'title', message: '找不到標題：請照原文填寫' });

  const issuer = ISSUERS.exec(text)?.[0];
  if (issuer) found.push({ field: 'issuer', value: issuer, from: '內文' });
  else missing.push({ field: 'issuer', message: '找不到發文機關：請填寫，例如 財團法人中小企業信用保證基金' });

  const numberMatch = NUMBER.exec(compact);
  const number = numberMatch?.[1] ?? numberMatch?.[2];
  if (number) found.push({ field: 'number', value: number, from: '發文字號' });
  else missing.push({ field: 'number', message: '找不到發文字號：有字號請填上，沒有就保留 null' });

  const issuedText = ISSUED.exec(compact)?.[1];
  const issued = issuedText ? rocDateToIso(issuedText.replace(/^中華/, '')) : undefined;
  if (issued) found.push({ field: 'issued', value: issued, from: `發文日期 ${issuedText}` });
  else missing.push({ field: 'issued', message: '找不到發文日期：請填 YYYY-MM-DD（民國年 + 1911），或保留 null 並在 issued_note 說明已知的日期' });

  const effectiveMatch = EFFECTIVE.exec(compact);
  const effectiveText = effectiveMatch?.[1] ?? effectiveMatch?.[2];
  const effective = effectiveText ? rocDateToIso(effectiveText.replace(/^中華/, '')) : undefined;
  if (effective) found.push({ field: 'effective.from', value: effective, from: `「自${effectiveText}起」` });
  else missing.push({ field: 'effective.from', message: '找不到生效日：請填 YYYY-MM-DD；不知道就保留 null' });

  const id = source.id ?? documentId(source.fileName, issued ?? source.importedOn);
  const frontMatter = [
    '---',
    `id: ${id}`,
    field('title', title),
    field('issuer', issuer),
    `number: ${number ? yamlText(number) : 'null'}`,
    `issued: ${issued ?? 'null'}`,
    ...(issued ? [`issued_note: ${yamlText(`${issuedText!}發文`)}`] : ['issued_note:']),
    'effective:',
    `  from: ${effective ?? 'null'}`,
    '  to: null',
    field('source', source.fileName),
    '# 本文件取代的先前規定，例如：- { document: batch-guarantee-revision-2014, section: 說明三：代償上限計提率與保證手續費年費率, from: 2027-01-01 }',
    'supersedes: []',
    '---',
  ];
  const note = `<!-- 匯入草稿：${source.importedOn} 由 npm run knowledge:import 從 ${source.fileName} 產生。請對照原文核對前置資料、每一節的標題與內文（數字照原文），補上 supersedes 後再發布。 -->`;
  const body = sections.flatMap((section) => [`${'#'.repeat(section.level)} ${section.heading}`, '', ...section.lines.flatMap((line) => [line, '']), '']);
  return {
    id,
    markdown: `${[...frontMatter, '', note, '', ...body].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`,
    found,
    missing,
    headings: sections.map((section) => section.heading),
  };
}

interface DraftSection {
  level: 2 | 3;
  heading: string;
  lines: string[];
}

/** Sections from styled headings when the file has them, else from the parts of a 函. */
function sectionsOf(blocks: Block[]): DraftSection[] {
  const styled = blocks.some((block) => block.kind === 'heading' && block.level >= 2);
  const letter = !styled && blocks.some((block) => block.kind === 'paragraph' && /^主\s*旨\s*[:：]/.test(block.text));
  const sections: DraftSection[] = [];
  const open = (heading: string, level: 2 | 3 = 2) => {
    const section = { level, heading: uniqueHeading(heading, sections), lines: [] as string[] };
    sections.push(section);
    return section;
  };
  let current: DraftSection | undefined;
  let inExplanation = false;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      if (block.level === 1 && !styled) continue;
      if (block.level === 1 && sections.length === 0 && blocks.indexOf(block) === 0) continue;
      current = open(block.text, block.level === 3 ? 3 : 2);
      continue;
    }
    if (block.kind === 'table') {
      current ??= open('內文');
      current.lines.push(markdownTable(block.rows));
      continue;
    }
    const text = block.text;
    if (!styled) {
      const part = letterPart(text, inExplanation);
      if (part) {
        if (part.heading === '說明') inExplanation = true;
        current = part.heading === '說明' && !part.rest ? undefined : open(part.heading);
        if (part.rest && current) current.lines.push(part.rest);
        continue;
      }
      // A letter's head (發文日期, 字號, 受文者) comes before 主旨.
      if (!current && (letter || LETTER_HEAD.test(text))) current = open('函頭：發文機關、日期、字號與受文者');
    }
    current ??= open('內文');
    current.lines.push(text);
  }
  // A ## heading with no text of its own is kept only as the group of the ### sections under it.
  return sections.filter((section, index) => section.lines.length > 0 || sections[index + 1]?.level === 3);
}

/** 「主旨：…」 → 主旨; 「說明：」 → 說明; under 說明, 「一、…」 → 說明一; 「正本：…」 → 正本與副本. */
function letterPart(text: string, inExplanation: boolean): { heading: string; rest?: string } | undefined {
  if (/^主\s*旨\s*[:：]/.test(text)) return { heading: '主旨', rest: afterColon(text) };
  if (/^說\s*明\s*[:：]/.test(text)) {
    const rest = afterColon(text);
    const numbered = NUMBERED.exec(rest);
    return numbered ? { heading: explanationHeading(numbered[1]!, rest), rest } : { heading: '說明', ...(rest ? { rest } : {}) };
  }
  if (/^(?:正本|副本)\s*[:：]/.test(text)) return { heading: '正本與副本', rest: text };
  const numbered = inExplanation ? NUMBERED.exec(text) : undefined;
  if (numbered) return { heading: explanationHeading(numbered[1]!, text), rest: text };
  return undefined;
}

/** 「說明三：公告代償上限計提率設定為 1.25%」: the item's number and its first clause, for staff to refine. */
function explanationHeading(numeral: string, text: string): string {
  return `說明${numeral}：${firstClause(text.replace(NUMBERED, ''))}`;
}

const MAX_HEADING = 40;

/** The text up to its first comma or full stop; a long one is cut, never inside a figure. */
function firstClause(text: string): string {
  const clause = text.split(/[，。；,;]/)[0]?.trim() ?? text;
  if (clause.length <= MAX_HEADING) return clause;
  let end = MAX_HEADING;
  while (end > 0 && /[\d.,%]/.test(clause[end - 1] ?? '') && /[\d.,%]/.test(clause[end] ?? '')) end--;
  return `${clause.slice(0, end)}…`;
}

function afterColon(text: string): string {
  return text.replace(/^[^:：]*[:：]\s*/, '').trim();
}

function uniqueHeading(heading: string, sections: DraftSection[]): string {
  const taken = new Set(sections.map((section) => section.heading));
  if (!taken.has(heading)) return heading;
  let n = 2;
  while (taken.has(`${heading}（${n}）`)) n++;
  return `${heading}（${n}）`;
}

function markdownTable(rows: string[][]): string {
  const width = Math.max(...rows.map((row) => row.length));
  const cells = (row: string[]) => `| ${Array.from({ length: width }, (_, i) => (row[i] ?? '').replaceAll('|', '｜')).join(' | ')} |`;
  const [header = [], ...rest] = rows;
  return [cells(header), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...rest.map(cells)].join('\n');
}

function blockText(block: Block): string {
  if (block.kind === 'table') return block.rows.map((row) => joinText(row)).join('\n');
  return block.text;
}

/** The file's name in the id format, or `announcement-<date>` when the name has no letters to use (公告.pdf). */
function documentId(fileName: string, date: string): string {
  const base = fileName
    .replace(/\.[^.]+$/, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((part) => part !== '')
    .join('-');
  return DOCUMENT_ID_PATTERN.test(base) && /[a-z]/.test(base) ? base : `announcement-${date}`;
}

/** `title:` with the value, or empty (null) so the check asks for it. */
function field(name: string, value: string | undefined): string {
  return value ? `${name}: ${yamlText(value)}` : `${name}:`;
}

function yamlText(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}
