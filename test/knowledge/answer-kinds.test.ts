import { describe, expect, it } from 'vitest';
import { carriesAny, kindsAsked, parseAnswerKinds } from '../../knowledge/answer-kinds.ts';
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

  it('the shipped file loads with the knowledge', async () => {
    const knowledge = await loadKnowledge('knowledge/documents');
    expect(knowledge.answerKinds?.kinds.map((k) => k.kind)).toContain('成數');
    expect(knowledge.answerKinds?.notTopics.length).toBeGreaterThan(0);
  });
});
