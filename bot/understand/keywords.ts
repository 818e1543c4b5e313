import type { Mention } from './mention.ts';
import { PROGRAMME_ALIASES } from './programmes.ts';

/**
 * Content words for retrieval: the fund's own terms first (longest first, so 保證手續費 stays whole),
 * then the words Intl.Segmenter finds in the rest, without figures and filler.
 */
const DOMAIN_TERMS = [
  ...PROGRAMME_ALIASES,
  '信保基金', '中小企業信用保證基金', '信用保證', '信保', '保證手續費', '手續費率', '手續費', '保費', '年費率', '費率',
  '保證成數', '成數', '營授比', '負債比率', '負債比', '代位清償', '代償上限', '代償率', '計提率', '代償',
  '風險組群', '授權保證', '授權送保', '專案保證', '專案申請', '批次保證', '送保', '保證對象', '保證項目',
  '促進就業具結書', '具結書', '統一發票', '開發票', '發票', '批保卓越獎', '卓越獎', '公共建設', '國內投資', '新創事業', '擴大綜合額度',
  '綜合額度', '利息補貼', '補貼', '預算', '年齡', '資格', '額度', '上限', '期間', '期限', '流程', '電話', '聯絡',
  '逾期比率', '保證餘額', '保證金額', '承貸', '金融機構', '生產事業', '一般事業', '營業額', '週轉', '餘額',
  '中小企業', '青輔會', '勞委會', '捐款企業', '相對資金', '資本性支出', '週轉金', '短期週轉', '中期週轉',
  '授信', '融資', '貸款', '續約', '受災', '復工', '年報', '統計', '婦女', '中高齡', '實施日期', '生效',
].sort((a, b) => b.length - a.length);

const FILLER = new Set([
  '請問', '請教', '想問', '想知道', '知道', '我們', '你們', '您好', '你好', '謝謝', '可以', '是否', '多少', '什麼', '怎麼',
  '如何', '一下', '這個', '那個', '如果', '因為', '所以', '目前', '現在', '想要', '需要', '幫我', '的話', '還是', '或是',
  '是不是', '有沒有', '能不能', '可不可以', '應該', '大概', '今年', '公司', '我的', '我是', '就是', '還有', '另外', '然後',
  '要繳', '多久', '幾年', '最高', '最多', '哪些', '哪裡', '時候', '一樣', '嗎', '呢', '申請', '是什', '怎樣',
  '簽了', '的話',
  'the', 'and', 'for', 'what', 'how', 'can', 'you', 'with', 'about', 'are', 'was', 'were', 'ago', 'our', 'does', 'this',
  'that', 'have', 'has', 'its', 'will', 'would', 'could', 'should', 'there', 'which', 'company', 'much', 'many', 'please',
]);

const segmenter = new Intl.Segmenter('zh-Hant', { granularity: 'word' });

export function extractKeywords(text: string, mentions: Mention[]): string[] {
  let rest = text;
  for (const m of [...mentions].sort((a, b) => b.index - a.index)) rest = `${rest.slice(0, m.index)} ${rest.slice(m.end)}`;
  const found: Array<{ word: string; index: number }> = [];
  for (const term of DOMAIN_TERMS) {
    for (let at = rest.indexOf(term); at >= 0; at = rest.indexOf(term, at + term.length)) {
      found.push({ word: term, index: at });
      rest = `${rest.slice(0, at)}${' '.repeat(term.length)}${rest.slice(at + term.length)}`;
    }
  }
  for (const segment of segmenter.segment(rest)) {
    const word = segment.segment.trim();
    if (!segment.isWordLike || FILLER.has(word) || /^\d/.test(word)) continue;
    const long = /^[a-z]/.test(word) ? word.length >= 3 : [...word].length >= 2;
    if (long) found.push({ word, index: segment.index });
  }
  return [...new Set(found.sort((a, b) => a.index - b.index).map((f) => f.word))];
}
