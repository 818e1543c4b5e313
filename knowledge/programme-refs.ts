import { PROGRAMMES, type ProgrammeId } from '../rules/programmes.ts';

/**
 * The programmes a document or section concerns, as staff write them: the programme's code (`youth_startup`) or
 * its official name (青年創業貸款), both from rules/programmes.ts. Search uses them to answer a follow-up
 * (「那要準備什麼文件？」) from the programme under discussion first.
 */
export function programmeRef(written: string): ProgrammeId | undefined {
  const value = written.trim();
  if (Object.hasOwn(PROGRAMMES, value)) return value as ProgrammeId;
  const byName = (Object.keys(PROGRAMMES) as ProgrammeId[]).find((id) => PROGRAMMES[id].name === value);
  return byName;
}

/** For messages: every programme as 「代號（名稱）」. */
export function programmeChoices(): string {
  return (Object.keys(PROGRAMMES) as ProgrammeId[]).map((id) => `${id}（${PROGRAMMES[id].name}）`).join('、');
}

const PROGRAMME_LINE = /^\s*>\s*項目\s*[:：](.*)$/;

/** The programmes of a section metadata line (「> 項目：青年創業貸款、phoenix」), or undefined for any other line. */
export function programmeLineOf(line: string): string[] | undefined {
  const match = PROGRAMME_LINE.exec(line);
  if (!match) return undefined;
  return (match[1] ?? '')
    .split(/[、,，;；]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
