/**
 * Messages built to find super-linear work in text handling: long runs of one kind of character (digits, numerals,
 * units, punctuation, white space, letters), runs ended by a unit or a letter, and alternations of two kinds,
 * at the message-length limit and at a few shorter lengths where backtracking usually shows first.
 */

/** One character (or short token) of each kind the understanding code gives a meaning to. */
export const ATOMS: Record<string, string[]> = {
  digit: ['1', '0', '9', '１', '٣'],
  numeral: ['一', '二', '兩', '零', '〇', '十', '百', '千', '萬', '億', '兆', '壹', '拾', '佰', '仟', '万', '亿'],
  unit: ['成', '%', '％', '趴', '年', '個月', '月', '歲', '天', '日', '元', '塊', '萬元', '倍', '號', '組', '件'],
  punctuation: [',', '.', '，', '。', '、', '-', '－', '/', '(', ')', '（', '）', '~', '～', '：', ':', '？', '!', '$', '+', '*', '\\'],
  space: [' ', '\t', '\n', '\r\n', '\u3000', '\u00a0', '\u200b'],
  letter: ['a', 'A', 'b', 'x', 'Ａ', 'é'],
  word: ['nt$', 'usd', 'ntd', 'the ', 'fee ', 'loan ', '信保', '保證', '手續費', '一般貸款', '青創', '批次', '多少', '嗎', '不', '沒有'],
  symbol: ['😀', '𠀋', '\u0301', '﷽', '㍿', 'ﬀ', '@', '＠', '#', '<', '>', '&', '"', "'", '`'],
};

/** What ends a run: the same kinds, since a pattern often backtracks only when the run is followed by a unit. */
const ENDINGS = ['', '成', '%', '年', '個月', '歲', '天', '萬', '元', 'a', '?', '1', '一', ' '];

export interface PathologicalInput {
  /** A short description for test names: "run of 1 + 成 (1000)". */
  label: string;
  text: string;
}

function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Repeats `unit` and appends `ending` so that the result has at most `length` code points. */
function runOf(unit: string, ending: string, length: number): string {
  const room = length - codePoints(ending);
  const times = Math.max(1, Math.floor(room / codePoints(unit)));
  return unit.repeat(times) + ending;
}

/**
 * Every pathological message for a limit of `maxLength` code points: runs of each atom (with each ending), an atom
 * framed by a run of white space, and alternations of atoms of two kinds.
 */
export function pathologicalInputs(maxLength: number, lengths: number[] = [27, 41, 200, maxLength]): PathologicalInput[] {
  const sizes = [...new Set(lengths.map((n) => Math.min(n, maxLength)))];
  const atoms = Object.values(ATOMS).flat();
  const inputs: PathologicalInput[] = [];
  const add = (label: string, text: string) => inputs.push({ label, text });
  for (const length of sizes) {
    for (const atom of atoms) {
      for (const ending of ENDINGS) add(`run of ${JSON.stringify(atom)} + ${JSON.stringify(ending)} (${length})`, runOf(atom, ending, length));
    }
    for (const space of ATOMS.space as string[]) {
      for (const edge of ['a', '1', '一', '成', '萬', '%']) {
        add(`${edge} + run of ${JSON.stringify(space)} + ${edge} (${length})`, edge + runOf(space, edge, length - 1));
      }
    }
    const kinds = Object.keys(ATOMS);
    for (const a of kinds) {
      for (const b of kinds) {
        if (a >= b) continue;
        for (const x of (ATOMS[a] as string[]).slice(0, 4)) {
          for (const y of (ATOMS[b] as string[]).slice(0, 4)) add(`alternation of ${JSON.stringify(x + y)} (${length})`, runOf(x + y, '', length));
        }
      }
    }
    for (const phrase of ['1萬', '1,000', '1.5', '1 億', '一萬五', '8成', '1%', '2年', '3個月', '500萬8成', '1-', 'a1', '1a', '十一', '一百零']) {
      add(`repeated ${JSON.stringify(phrase)} (${length})`, runOf(phrase, '', length));
    }
  }
  return inputs;
}
