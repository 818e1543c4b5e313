import { describe, expect, it } from 'vitest';
import { carriesAny, kindsAsked, listedNames, namesOtherThing, namesPlaces, organisationsNamed, parseAnswerKinds, placesNamed } from '../../knowledge/answer-kinds.ts';
import { loadKnowledge } from '../../knowledge/load.ts';

const FILE = `kinds:
  - kind: 成數
    asked_by: [幾成]
    shown_by: { units: [成, "%"] }
  - kind: 金額
    asked_by: [多少錢, 餘額]
    shown_by: { units: [元, 萬, 億] }
  - kind: 電話
    asked_by: [電話]
    shown_by: { digits: 6 }
  - kind: 地點
    asked_by: [在哪]
    not_when: [在哪些]
    shown_by: { words: [地址] }
not_topics: [時候]
`;

function kinds() {
  const parsed = parseAnswerKinds('answer-kinds.yaml', FILE);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.kinds;
}

describe('kinds of answer (knowledge/documents/answer-kinds.yaml)', () => {
  it('reads what a question asks for, in either script', () => {
    expect(kindsAsked('鳳凰貸款保幾成？', kinds()).map((k) => k.kind)).toEqual(['成數']);
    expect(kindsAsked('批保余额多少', kinds()).map((k) => k.kind)).toEqual(['金額']);
    expect(kindsAsked('批保是什麼', kinds())).toEqual([]);
    expect(kindsAsked('中部服務中心在哪', kinds()).map((k) => k.kind)).toEqual(['地點']);
    expect(kindsAsked('擴大綜合額度可以用在哪些融資', kinds())).toEqual([]);
  });

  it('a ratio is a numeral before 成 or %, an amount a numeral before 元 (magnitudes between allowed)', () => {
    const [ratio, amount] = kinds();
    expect(carriesAny('保證成數最高九成。', [ratio!])).toBe(true);
    expect(carriesAny('一般貸款 中小企業 80% 0.75%~1.5%', [ratio!])).toBe(true);
    expect(carriesAny('保證成數之規定依作業要點辦理。', [ratio!])).toBe(false);
    expect(carriesAny('最高不得超過新臺幣 1 億元', [amount!])).toBe(true);
    expect(carriesAny('本計畫經費總需求表如下　金額單位：新台幣千元', [amount!])).toBe(false);
  });

  it('a table row’s figures are read with the unit its table states', () => {
    const [, amount] = kinds();
    expect(carriesAny('金融機構 保證餘額 結構比：玉山商銀 65,954.27 4.87%', [amount!])).toBe(false);
    expect(carriesAny('金融機構 保證餘額 結構比：玉山商銀 65,954.27 4.87%', [amount!], '※金融機構別（金額單位：新臺幣百萬元）')).toBe(true);
  });

  it('a list of names is names, not a role ending the same way (not_names before the ending)', () => {
    const parsed = parseAnswerKinds('answer-kinds.yaml', 'kinds:\n  - kind: 名單\n    asked_by: [哪一家]\n    shown_by: { names_with: [銀行], not_names: [經理, 承貸] }\n');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const kinds = parsed.kinds;
    expect(carriesAny('玉山商業銀行、第一商業銀行', kinds)).toBe(true);
    expect(carriesAny('工作內容　遴選委託合適經理銀行。　擬定委託經理手續費標準。', kinds)).toBe(false);
    expect(carriesAny('各承貸銀行、臺灣銀行', kinds)).toBe(true);
    expect(carriesAny('各承貸銀行', kinds)).toBe(false);
  });

  it('a phone number is a run of digits, dashes and brackets aside', () => {
    const phone = kinds()[2]!;
    expect(carriesAny('TEL：(06)222-0268', [phone])).toBe(true);
    expect(carriesAny('臺南市中西區民生路2段279號11樓A區', [phone])).toBe(false);
  });

  it('a mistake names the file, the line and the field', () => {
    const parsed = parseAnswerKinds('answer-kinds.yaml', 'kinds:\n  - kind: 成數\n    asked_by: []\n    shown_by: { units: [成] }\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]).toMatchObject({ file: 'answer-kinds.yaml', line: 3, field: 'kinds.0.asked_by' });
  });

  it('a kind may be shown several ways, a figure only beside some words, and a name only after a post', () => {
    const parsed = parseAnswerKinds(
      'answer-kinds.yaml',
      `kinds:
  - kind: 成數
    asked_by: [幾成]
    shown_by:
      - { units: [成] }
      - { units: ["%"], only_with: [成數] }
  - kind: 人名
    asked_by: [是誰]
    current: true
    shown_by: { names_after: [董事長, 總經理] }
totals: [合計, 加起來]
`,
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const [ratio, person] = parsed.kinds;
    expect(carriesAny('保證成數最高九成', [ratio!])).toBe(true);
    expect(carriesAny('授權最高保證成數：一般貸款 80%', [ratio!])).toBe(true);
    expect(carriesAny('保證餘額 結構比：卡債貸款 0.07 0.00%', [ratio!])).toBe(false);
    expect(carriesAny('職別 姓名：董事長 魏明谷 政府代表', [person!])).toBe(true);
    expect(carriesAny('董事長　總經理', [person!])).toBe(false);
    expect(carriesAny('董事長兼　總經理　周作姍', [person!])).toBe(true);
    expect(person!.current).toBe(true);
    expect(ratio!.current).toBe(false);
    expect(parsed.totals).toEqual(['合計', '加起來']);
  });

  it('a question about one post is shown only by a name after that post, not after a longer post holding it', () => {
    const parsed = parseAnswerKinds('answer-kinds.yaml', 'kinds:\n  - kind: 人名\n    asked_by: [是誰]\n    shown_by: { names_after: [董事長, 總經理, 董事, 常務董事] }\n');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const [manager] = kindsAsked('信保的總經理是誰', parsed.kinds);
    expect(manager!.shownBy[0]!.namesAfter).toEqual(['總經理']);
    // The board row names a director; the deputy general manager's post at its end is not the general manager's.
    expect(carriesAny('職別 姓名：董事 呂瑞齡 政府代表 合作金庫商業銀行副總經理', [manager!])).toBe(false);
    expect(carriesAny('董事長兼　總經理　周作姍', [manager!])).toBe(true);
    const [director] = kindsAsked('常務董事是誰', parsed.kinds);
    expect(director!.shownBy[0]!.namesAfter).toEqual(['常務董事']);
    expect(carriesAny('職別 姓名：董事 呂瑞齡', [director!])).toBe(false);
    expect(carriesAny('職別 姓名：常務董事 朱美麗', [director!])).toBe(true);
    const [anyone] = kindsAsked('簽名的是誰', parsed.kinds);
    expect(anyone!.shownBy[0]!.namesAfter).toHaveLength(4);
  });

  it('a deputy’s post is asked as itself: a name after the principal’s post does not answer it', () => {
    const parsed = parseAnswerKinds('answer-kinds.yaml', 'kinds:\n  - kind: 人名\n    asked_by: [是誰]\n    shown_by: { names_after: [董事長, 總經理] }\n');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const [deputy] = kindsAsked('副董事長是哪一位，是誰', parsed.kinds);
    expect(deputy!.shownBy[0]!.namesAfter).toEqual(['副董事長']);
    expect(carriesAny('職別 姓名：董事長 魏明谷 政府代表', [deputy!])).toBe(false);
    expect(carriesAny('副董事長 王大明', [deputy!])).toBe(true);
  });

  const ASPECTS = `kinds:
  - kind: 時刻
    asked_by: [幾點]
    shown_by: { units: [時, 點] }
  - kind: 結束
    asked_by: [結束, 到什麼時候]
    qualifier: true
    shown_by: { words: [止, 截止] }
  - kind: 金額
    asked_by: [餘額]
    shown_by: { units: [元, 億] }
  - kind: 增減
    asked_by: [跟去年比]
    qualifier: true
    shown_by:
      - { words: [相較, 增至] }
      - { years: 2 }
  - kind: 名單
    asked_by: [哪些銀行, 哪幾家]
    shown_by: { names_with: [銀行, 商銀, 企銀] }
  - kind: 期間
    asked_by: [多久]
    shown_by: { units: [年, 個月, 月, 日], words: [最長, 起至], not_dates: true, except_after: [未滿] }
places:
  - [屏東, 高屏]
  - [臺中, 中部]
`;

  function aspects() {
    const parsed = parseAnswerKinds('answer-kinds.yaml', ASPECTS);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return parsed;
  }

  it('a qualifier must be carried besides the kind asked: the start time does not say when a meeting ends', () => {
    const { kinds } = aspects();
    const asked = kindsAsked('說明會開到幾點結束', kinds);
    expect(asked.map((k) => k.kind)).toEqual(['時刻', '結束']);
    expect(carriesAny('訂於 103 年 11 月 13 日（星期四）下午 2 時假本基金重南辦公室', asked)).toBe(false);
    expect(carriesAny('下午 2 時至 4 時止', asked)).toBe(true);
    // Asked alone, the start time answers.
    expect(carriesAny('下午 2 時假本基金重南辦公室', kindsAsked('說明會幾點開始', kinds))).toBe(true);
  });

  it('a change from last year needs two years’ figures or a stated change, not this year’s figure alone', () => {
    const asked = kindsAsked('宜蘭縣保證餘額跟去年比增加多少', aspects().kinds);
    expect(asked.map((k) => k.kind)).toEqual(['金額', '增減']);
    expect(carriesAny('地區別 111年保證餘額 111年結構比：宜蘭縣 14,000.66 1.13%', asked, '金額單位：新臺幣百萬元')).toBe(false);
    expect(carriesAny('保證項目/措施 保證餘額：金額：協助中小企業增加國內投資 1,582.42 0.12%', asked, '金額單位：新臺幣百萬元')).toBe(false);
    expect(carriesAny('保證金額為 1 兆 1,232 億元，與 110 年度之保證金額 1 兆 2,964 億元相較，減少 13.36%', asked)).toBe(true);
    expect(carriesAny('項目 111年度 金額 110年度 金額：收入合計 8,879,489,815 8,637,009,364', asked, '金額單位：新臺幣元')).toBe(true);
  });

  it('a list of names is names standing alone, not a count of banks or a bank in a sentence', () => {
    const asked = kindsAsked('批保卓越獎是哪些銀行', aspects().kinds);
    expect(carriesAny('(三)批保卓越獎　台新國際商業銀行、玉山商業銀行及中國信託商業銀行', asked)).toBe(true);
    expect(carriesAny('金融機構 保證餘額 結構比：臺灣企銀 210,706.10 15.56%', asked)).toBe(true);
    expect(carriesAny('截至 111 年底共計 21 家銀行(逾 5 成簽約金融機構)參與資料介接', asked)).toBe(false);
    expect(carriesAny('關懷其是否受疫情影響，於往來銀行有無取得融資困難', asked)).toBe(false);
  });

  it('a period is not the figures of a date, nor an age limit; a range from one date to another is one', () => {
    const asked = kindsAsked('保證期間最長多久', aspects().kinds);
    expect(carriesAny('訂於 103 年 11 月 13 日（星期四）下午 2 時', asked)).toBe(false);
    expect(carriesAny('年度 98年 99年 100年 101年：保證專款 4.5 億元', asked)).toBe(false);
    expect(carriesAny('年齡20歲至45歲，且公司或行號設立未滿5年之企業主', asked)).toBe(false);
    expect(carriesAny('中期週轉融資：最長以五年為限', asked)).toBe(true);
    expect(carriesAny('展延 6 個月', asked)).toBe(true);
    expect(carriesAny('本計畫期程自民國 98 年 11 月起至 101 年 12 月止', asked)).toBe(true);
  });

  it('in the shipped kinds, a fiscal year and a month of each year are no period (except_before 度, except_after 每年)', async () => {
    const kinds = (await loadKnowledge('knowledge/documents')).answerKinds!.kinds;
    const asked = kindsAsked('最長可以借多久', kinds);
    expect(carriesAny('占最近一年度報稅營業額之比率不得超過100%', asked)).toBe(false);
    expect(carriesAny('各簽約金融機構請於每年 10 月申請次一年度之批次保證批號', asked)).toBe(false);
    expect(carriesAny('中期週轉融資：最長以五年為限', asked)).toBe(true);
  });

  it('an actual result asked is not answered by a figure expected (實際 is a qualifier); a rule named with 實際 asks no result', async () => {
    const kinds = (await loadKnowledge('knowledge/documents')).answerKinds!.kinds;
    const asked = kindsAsked('莫拉克復工貸款最後實際核貸了多少件', kinds);
    expect(asked.map((k) => k.kind)).toContain('實際');
    expect(carriesAny('預期效果：協助 2,000 家受災企業取得融資', asked)).toBe(false);
    expect(carriesAny('111 年度保證件數 417,584 件', asked)).toBe(true);
    expect(kindsAsked('批次保證的實際代位清償總金額上限是多少', kinds).map((k) => k.kind)).not.toContain('實際');
  });

  it('a fee asked of no loan (「手續費一年收多少」) asks the rate', async () => {
    const kinds = (await loadKnowledge('knowledge/documents')).answerKinds!.kinds;
    expect(kindsAsked('批保的保證費一年是收多少', kinds).map((k) => k.kind)).toContain('費率');
    expect(kindsAsked('送信保的手續費要收多少啊', kinds).map((k) => k.kind)).toContain('費率');
  });

  it('a place named is found by any of its names, 台 and 臺 alike', () => {
    const { places } = aspects();
    expect(placesNamed('屏東的服務中心在哪', places)).toEqual([['屏東', '高屏']]);
    expect(placesNamed('台中市的保證餘額', places)).toEqual([['臺中', '中部']]);
    expect(placesNamed('批保手續費率', places)).toEqual([]);
    expect(namesPlaces('高屏服務中心　地址：802311高雄市苓雅區', placesNamed('屏東的服務中心在哪', places))).toBe(true);
    expect(namesPlaces('本基金於 111 年度總計提供 324,206 件信用保證', placesNamed('台中保了幾件', places))).toBe(false);
  });

  it('a bank is named by two characters before its ending, when the documents list a bank beginning with them', () => {
    const listed = listedNames(['第一商業銀行、台中商業銀行及合作金庫商業銀行', '金融機構 保證餘額：合庫商銀 189,539.38', '於往來銀行有無取得融資困難'], ['銀行', '商銀']);
    expect([...listed].sort()).toEqual(['合作金庫商業銀行', '合庫商銀', '第一商業銀行', '臺中商業銀行'].sort());
    expect(organisationsNamed('第一銀行的逾期率', listed, ['銀行', '商銀'])).toEqual([['第一']]);
    expect(organisationsNamed('合庫商銀保了幾件', listed, ['銀行', '商銀'])).toEqual([['合庫']]);
    expect(organisationsNamed('哪家銀行最多', listed, ['銀行', '商銀'])).toEqual([]);
    expect(organisationsNamed('往來銀行不借怎麼辦', listed, ['銀行', '商銀'])).toEqual([]);
  });

  it('a place in brackets inside a listed name is left out (「星展(台灣)商業銀行」 is listed as 星展商業銀行)', () => {
    const listed = listedNames(['| 7 | 810 | 星展(台灣)商業銀行 | 台北市 |', '匯豐(臺灣) | 1,234.56'], ['銀行', '商銀']);
    expect([...listed]).toEqual(['星展商業銀行']);
    expect(organisationsNamed('星展銀行送保多少', listed, ['銀行', '商銀'])).toEqual([['星展']]);
  });

  it('the shipped file loads with the knowledge', async () => {
    const knowledge = await loadKnowledge('knowledge/documents');
    expect(knowledge.answerKinds?.kinds.map((k) => k.kind)).toContain('成數');
    expect(knowledge.answerKinds?.notTopics.length).toBeGreaterThan(0);
    expect(knowledge.answerKinds?.places.length).toBeGreaterThan(0);
    expect(knowledge.answerKinds?.cumulative.askedBy).toContain('累計');
    expect(knowledge.answerKinds?.cumulative.shownBy.length).toBeGreaterThan(0);
  });

  it('「幾年」 asks a period when something lasts that long, not a year, a recent span or an age of business', async () => {
    const kinds = (await loadKnowledge('knowledge/documents')).answerKinds!.kinds;
    const asks = (question: string) => kindsAsked(question, kinds).map((k) => k.kind);
    expect(asks('申請書的影本要留存幾年')).toContain('期間');
    expect(asks('那筆展延可以再延幾年')).toContain('期間');
    expect(asks('這個專案是民國幾年成立的')).not.toContain('期間');
    expect(asks('近幾年的代位清償金額有增加嗎')).not.toContain('期間');
    expect(asks('公司要設立幾年以內才能申請')).not.toContain('期間');
  });

  it('a download asks for an address besides anything else it asks; a website named as a place does not', async () => {
    const kinds = (await loadKnowledge('knowledge/documents')).answerKinds!.kinds;
    const asked = kindsAsked('年度預算書在哪裡下載', kinds);
    expect(asked.map((k) => k.kind)).toContain('網址');
    expect(carriesAny('本年度預算總額 8,879,489,815 元', asked)).toBe(false);
    expect(carriesAny('預算總額 8,879,489,815 元，全文見網址：https://www.example.org.tw', asked)).toBe(true);
    expect(kindsAsked('官網上的線上客服叫什麼', kinds).map((k) => k.kind)).not.toContain('網址');
  });

  it('a passage naming another thing of a group named alike (distinct_terms), and not the one asked, does not answer', () => {
    const parsed = parseAnswerKinds('answer-kinds.yaml', 'kinds: []\ndistinct_terms:\n  - [[保證期間, 送保期間], 辦理期間, 計畫期程]\n');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const groups = parsed.distinctTerms;
    expect(namesOtherThing('批次保證的保證期間多長', '其辦理期間自 103 年 12 月 15 日起至 104 年 12 月 31 日止', groups)).toBe(true);
    // The thing asked written another way answers; a passage naming none of the group is not ruled out.
    expect(namesOtherThing('批次保證的保證期間多長', '送保期間最長五年，辦理期間另訂', groups)).toBe(false);
    expect(namesOtherThing('批次保證的保證期間多長', '保證成數最高九成', groups)).toBe(false);
    // A question naming nothing of the group rules nothing out.
    expect(namesOtherThing('批次保證可以保幾年', '其辦理期間自 103 年 12 月 15 日起', groups)).toBe(false);
  });

  it('rejects a group of distinct terms with a single thing', () => {
    expect(parseAnswerKinds('answer-kinds.yaml', 'kinds: []\ndistinct_terms:\n  - [保證期間]\n').ok).toBe(false);
  });
});

describe('a kind no rule states (not_in_rules)', () => {
  it('is read from the file, and off by default', () => {
    const parsed = parseAnswerKinds('answer-kinds.yaml', `kinds:
  - kind: 預估
    asked_by: [預計協助]
    not_in_rules: true
    shown_by: { words: [預計] }
  - kind: 成數
    asked_by: [幾成]
    shown_by: { units: [成] }
`);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.kinds.map((k) => [k.kind, k.notInRules])).toEqual([
      ['預估', true],
      ['成數', false],
    ]);
  });
});
