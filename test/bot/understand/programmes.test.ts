import { describe, expect, it } from 'vitest';
import type { ProgrammeId } from '../../../rules/programmes.ts';
import { understand } from '../../../bot/understand/index.ts';

describe('understand recognises programmes by name and alias', () => {
  it.each<[string, ProgrammeId[]]>([
    ['青創可以保幾成', ['youth_startup']],
    ['青年創業貸款', ['youth_startup']],
    ['批保的費率', ['batch']],
    ['批次信用保證', ['batch']],
    ['批次保證', ['batch']],
    ['鳳凰貸款', ['phoenix']],
    ['微型創業鳳凰貸款', ['phoenix']],
    ['火金姑', ['firefly']],
    ['相對保證專案', ['firefly']],
    ['火金姑(相對保證)專案貸款', ['firefly']],
    ['一般貸款', ['general_loan']],
    ['自創品牌貸款', ['own_brand']],
    ['國內民營企業國際專利權訴訟貸款', ['patent_litigation']],
    ['專利訴訟', ['patent_litigation']],
    ['青年築夢創業啟動金貸款', ['youth_dream']],
    ['築夢', ['youth_dream']],
    ['數位內容產業', ['digital_content']],
    ['文創貸款', ['digital_content']],
    ['勞工退休金專案貸款', ['labour_pension']],
    ['研發貸款', ['rd_loan']],
    ['促進產業研究發展貸款', ['rd_loan']],
    ['發展貸款', ['development_loan']],
    ['知識經濟企業融資', ['knowledge_economy']],
    ['外銷貸款', ['export_loan']],
    ['購料週轉融資', ['purchase_financing']],
    ['商業本票保證', ['commercial_paper']],
    ['履約保證', ['performance_bond']],
    ['小額簡便貸款', ['micro_simple_loan']],
    ['直接保證', ['direct']],
    ['促進就業融資保證專案', ['employment_promotion']],
    ['促進就業', ['employment_promotion']],
    ['莫拉克颱風', ['morakot_recovery']],
    ['復工營業貸款', ['morakot_recovery']],
    ['災害復舊專案貸款', ['morakot_disaster_restoration']],
    ['莫拉克受災企業申請災害復舊貸款', ['morakot_disaster_restoration']],
    ['一般貸款，有簽促進就業具結書', ['general_loan']],
    ['青創和鳳凰有什麼不同', ['youth_startup', 'phoenix']],
    ['批保跟一般貸款的費率', ['batch', 'general_loan']],
    ['信保基金是什麼', []],
    ['青创贷款', ['youth_startup']],
    ['批次信用保证', ['batch']],
    ['凤凰贷款', ['phoenix']],
    ['batch guarantee fee', ['batch']],
    ['youth startup loan', ['youth_startup']],
    ['phoenix loan for women', ['phoenix']],
    ['firefly loan', ['firefly']],
    ['patent litigation loan', ['patent_litigation']],
    ['labor pension loan', ['labour_pension']],
    ['Morakot typhoon recovery', ['morakot_recovery']],
  ])('%s', (message, programmes) => {
    const u = understand(message);
    expect(u.programmes).toEqual(programmes);
    expect(u.facts.programme).toBe(programmes[0]);
  });
});

describe('a name half remembered (programmes.yaml name_wildcards)', () => {
  it.each<[string, ProgrammeId[]]>([
    ['還有一個給婦女的叫鳳什麼的 保幾成', ['phoenix']],
    ['火什麼姑那個專案 企業要捐多少', ['firefly']],
    ['批什麼的手續費多少', ['batch']],
    ['微型什麼鳳凰的 手續費', ['phoenix']],
    // Starts that fit no name, or several programmes' names, name none.
    ['這是什麼', []],
    ['有什麼方案可以用', []],
    ['青什麼的貸款', []],
    ['為什麼要送保', []],
  ])('%s', (message, programmes) => {
    expect(understand(message).programmes).toEqual(programmes);
  });
});

describe('a verb before a wildcard is no half-remembered name', () => {
  it.each(['專案保證審核通過之後信保會發什麼給銀行', '批完之後要交什麼文件'])('%s', (message) => {
    expect(understand(message).programmes).toEqual([]);
  });
});
