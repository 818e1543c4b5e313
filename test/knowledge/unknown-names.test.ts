import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { unknownNames } from '../../knowledge/retrieve.ts';

const knowledge = await loadKnowledge('knowledge/documents');
const names = (question: string) => unknownNames(knowledge, question, undefined, new Set(['請問']));

describe('things named by names the documents never give one of their kind (vocabulary.yaml named)', () => {
  it('finds a typhoon, an earthquake or a fund the documents do not name', () => {
    expect(names('莫蘭蒂颱風那時候工廠淹水，有沒有專案')).toEqual(['莫蘭蒂颱風']);
    expect(names('請問0403地震受損的店家可以申請什麼')).toEqual(['0403地震']);
    expect(names('华侨信用保证基金的保证成数是多少')).toEqual(['華僑信用保證基金']);
    expect(names('跟農業信保基金比起來哪個費率低')).toEqual(['農業信保基金']);
  });

  it('knows the names the documents or the vocabulary give (莫拉克, 八八風災, the fund itself)', () => {
    expect(names('莫拉克颱風受災企業的復工貸款保幾成')).toEqual([]);
    expect(names('98年八八風災那時候的補貼')).toEqual([]);
    expect(names('中小企業信用保證基金的客服電話')).toEqual([]);
    expect(names('中小信保基金的董事長是誰')).toEqual([]);
  });

  it('does not take what stands before the word for a name when it is no name', () => {
    // A verb taking the fund as its object, a particle, a pointing word, a place the typhoon struck, a date's day.
    expect(names('有幾家上櫃公司曾經用過信保基金的保證')).toEqual([]);
    expect(names('具結書要一起寄給信保基金嗎')).toEqual([]);
    expect(names('我是颱風受災戶，保幾成')).toEqual([]);
    expect(names('這次颱風我們倉庫淹水')).toEqual([]);
    expect(names('我台南的倉庫颱風淹水了')).toEqual([]);
    expect(names('8/10颱風淹水，災害復舊貸款還能申請嗎')).toEqual([]);
    expect(names('請問信保基金的電話')).toEqual([]);
  });
});

describe('words the documents never use (unknownWords)', () => {
  it('reads a demonstrative and a classifier as pointing, not as an unknown word (「那批保」 is 那 + 批保)', async () => {
    const { unknownWords } = await import('../../knowledge/retrieve.ts');
    expect(unknownWords(knowledge, '那批保呢')).toEqual([]);
    expect(unknownWords(knowledge, '那批保是哪一年開始有的')).toEqual([]);
  });
});
