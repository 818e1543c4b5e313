import type { ProgrammeId } from '../../rules/programmes.ts';

/**
 * Names and colloquial aliases of the programmes, in normalised (Traditional) form.
 * Weak aliases name a circumstance more than a programme (莫拉克受災, 促進就業具結書): they count only
 * when the message names no programme outright, so 「一般貸款，有簽促進就業具結書」 is about 一般貸款.
 */
const ALIASES: Array<[ProgrammeId, string[], string[]?]> = [
  ['general_loan', ['一般貸款', '一般保證', '一般週轉']],
  ['commercial_paper', ['商業本票']],
  ['export_loan', ['外銷貸款', '外銷融資']],
  ['purchase_financing', ['購料週轉融資', '購料融資', '購料貸款', '購料']],
  ['policy_loan', ['政策性貸款']],
  ['performance_bond', ['履約保證']],
  ['micro_simple_loan', ['小額簡便貸款', '小額簡便']],
  ['development_loan', ['發展貸款', '中小企業發展基金']],
  ['rd_loan', ['促進產業研究發展貸款', '研究發展貸款', '促進產業研究發展', '研發貸款']],
  ['knowledge_economy', ['知識經濟企業融資', '知識經濟']],
  ['own_brand', ['自創品牌貸款', '自創品牌']],
  ['youth_startup', ['青年創業貸款', '青年創業', '青創貸款', '青創', '青年貸款']],
  ['firefly', ['火金姑', '相對保證']],
  ['patent_litigation', ['國際專利權訴訟', '專利權訴訟', '專利訴訟']],
  ['phoenix', ['微型創業鳳凰貸款', '微型創業鳳凰', '創業鳳凰', '鳳凰貸款', '鳳凰', '微型創業貸款']],
  ['youth_dream', ['青年築夢創業啟動金', '青年築夢', '築夢', '創業啟動金', '創業起動金', '啟動金', '起動金']],
  ['digital_content', ['數位內容及文化創意', '數位內容', '文化創意', '文創']],
  ['labour_pension', ['勞工退休金專案貸款', '勞工退休金', '勞退貸款', '勞退']],
  ['batch', ['批次信用保證', '批次保證', '批次送保', '批次', '批保']],
  ['direct', ['直接保證', '直保']],
  ['employment_promotion', ['促進就業融資保證', '促進就業專案', '促進就業貸款'], ['促進就業', '新創事業']],
  ['morakot_recovery', ['復工營業貸款', '復工營業', '莫拉克貸款', '莫拉克專案', '颱風受災企業復工'], ['莫拉克', '颱風', '八八水災', '八八風災', '風災']],
  ['morakot_disaster_restoration', ['災害復舊專案貸款', '災害復舊貸款', '災害復舊', '災後復舊']],
];

interface Hit {
  id: ProgrammeId;
  index: number;
  end: number;
  weak: boolean;
}

function hitsIn(text: string): Hit[] {
  const candidates: Hit[] = [];
  for (const [id, strong, weak = []] of ALIASES) {
    for (const [aliases, isWeak] of [[strong, false], [weak, true]] as const) {
      for (const alias of aliases) {
        for (let at = text.indexOf(alias); at >= 0; at = text.indexOf(alias, at + 1)) {
          candidates.push({ id, index: at, end: at + alias.length, weak: isWeak });
        }
      }
    }
  }
  // The longest name wins where names overlap (促進產業研究發展貸款 is not 發展貸款).
  candidates.sort((a, b) => b.end - b.index - (a.end - a.index) || a.index - b.index);
  const kept: Hit[] = [];
  for (const hit of candidates) {
    if (!kept.some((k) => hit.index < k.end && k.index < hit.end)) kept.push(hit);
  }
  return kept.sort((a, b) => a.index - b.index);
}

/** Programmes named in normalised text, in order of first mention. */
export function findProgrammes(text: string): ProgrammeId[] {
  const hits = hitsIn(text);
  const strong = hits.filter((h) => !h.weak);
  return [...new Set((strong.length > 0 ? strong : hits).map((h) => h.id))];
}

/** Every programme name and alias, for the keyword dictionary. */
export const PROGRAMME_ALIASES: readonly string[] = ALIASES.flatMap(([, strong, weak = []]) => [...strong, ...weak]);
