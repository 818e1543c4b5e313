import { passageCatalogue } from '../../knowledge/passages.ts';
import { headingNames, subjectsOf } from '../../knowledge/retrieve.ts';
import { englishToChinese } from '../understand/english.ts';
import type { KnowledgeSection } from '../../knowledge/schema.ts';
import { sourcesLine } from '../compose/reply.ts';
import { serviceLinesText } from '../compose/service-lines.ts';
import type { Citation } from '../types.ts';
import { answered, type FlowContext, type FlowResult } from './context.ts';
import { officeForPlace, retrievalAnswer, retrievalChoice, unknownTopicsOf } from './retrieval.ts';
import { combinedAnswer } from './several-programmes.ts';

const OVERVIEW = 'guarantee-programs-overview';
const DIRECT_HEADING = '4. 直接保證(民國93年推出)';

/**
 * What the overview says about who applies, each told in a sentence of our own with the section that says it: a
 * guarantee is sent by the lending bank (授權 within its delegation, 專案 to the fund before lending), except
 * 直接保證, which a qualifying SME asks the fund for itself.
 */
const ROUTES = [
  { heading: '(6) 授權保證之限制', line: '・授權保證：承貸金融機構在本基金授權範圍內送保；超過授權額度等情形，須改以專案向本基金申請。' },
  {
    heading: '2. 專案保證（民國63年推出）：(1) 意義',
    line: '・專案保證：承貸金融機構於授信前向本基金專案申請，經審核同意簽發信用保證函後，再辦理授信送保。',
  },
  {
    heading: DIRECT_HEADING,
    line: '・直接保證：具有研發、經營管理、市場拓展能力條件資格的中小企業，可以直接向本基金申請，取得承諾函後再向金融機構申請融資。',
  },
] as const;

/** 「要去哪裡申請」「要準備什麼文件」「能不能直接找信保基金」 from an applicant, as understanding read it. */
export function asksHowToApply(ctx: FlowContext): boolean {
  return ctx.understanding.howToApply !== undefined;
}

/**
 * How to apply, from the documents: through the lending bank, 直接保證 aside. The documents list no papers to bring,
 * so a question about them is told so first, with the service lines.
 */
export function howToApplyFlow(asked: FlowContext): FlowResult {
  // 「促進就業專案要降手續費 要準備什麼文件」: a programme's own documents may say what is collected (具結書); that passage first.
  // (Only a section of the programme's own: another's papers, or a report on banks uploading files, are not its list.)
  // (No programme named, 「員工十幾人 想要手續費降到0.5% 要準備什麼」: the section the question's own words find is that
  // list when it concerns a programme; a section about none, such as a report on banks uploading files, is not.)
  const documents = asked.understanding.howToApply === 'documents';
  // (「要準備什麼文件」 right after an answer offering a circumstance for a lower rate, 「促進就業具結書」, asks for its papers:
  // searched in the programme that circumstance belongs to.)
  const offeredProgramme = documents && asked.understanding.programmes.length === 0 ? (asked.state.offered ?? []).map((flag) => asked.domain.facts.namingProgramme.flags[flag]).find((p) => p !== undefined) : undefined;
  const ctx = offeredProgramme ? { ...asked, merged: { ...asked.merged, programme: offeredProgramme } } : asked;
  // (Where to apply for a scheme named, 「想辦中小企業災害復舊專案貸款，是直接找信保申請，還是找銀行」: the line its own
  // section gives, 「向承貸銀行提出申請」, when the section found is the programme's or headed by the scheme named.)
  // (Asked whether one may go to the fund directly, 直接保證 is the answer, whatever else the question names.)
  const route = asked.understanding.howToApply === 'route';
  const named = route ? subjectsOf(englishToChinese(asked.understanding.text)) : [];
  const scheme = route && (asked.understanding.programmes.length > 0 || ctx.merged.programme !== undefined || named.length > 0);
  const ownSection = documents || scheme ? retrievalChoice(ctx) : undefined;
  const concernsProgramme = (id: string) => (passageCatalogue(ctx.sources.knowledge).sections.get(id)?.programmes.length ?? 0) > 0;
  const ofProgramme =
    ownSection?.covered &&
    (documents
      ? ctx.merged.programme ? ownSection.best.inProgramme : concernsProgramme(ownSection.best.section.id)
      : (ctx.merged.programme ? ownSection.best.inProgramme === true : headingNames(ownSection.section, named)) && saysWhere(ctx, ownSection.quoted));
  const own = ofProgramme ? retrievalAnswer(ctx) : undefined;
  if (own?.outcome !== 'answered') return routeAnswer(ctx, false);
  return combinedAnswer('fact_lookup', undefined, [own, routeAnswer(ctx, true)], ['有什麼貸款適合我？', '客服電話？'], own.state);
}

/** The route through the lending bank (直接保證 aside), and what the documents say of papers to bring. */
function routeAnswer(ctx: FlowContext, afterOwnPassage: boolean): FlowResult {
  const routes = ROUTES.flatMap(({ heading, line }) => {
    const section = overviewSection(ctx, heading);
    return section ? [{ heading, line, citation: ctx.cite.forSection(section) }] : [];
  });
  // 「可以直接找你們嗎 我在台中」: the office serving the place named, to ask in person.
  const office = officeForPlace(ctx);
  const aboutDocuments = ctx.understanding.howToApply === 'documents';
  // 「汽車貸款要怎麼申請」「應收帳款融資去哪裡申請」: a thing the documents never name is said not to be in them first; the
  // route through the bank that follows is every guarantee's, not that thing's.
  const unnamed = ctx.understanding.programmes.length === 0 && ctx.merged.programme === undefined ? unknownTopicsOf(ctx) : [];
  const notNamed = unnamed.length > 0 ? `收錄的文件沒有提到${unnamed.map((w) => `「${w}」`).join('、')}；以下是一般信用保證的申請方式，是否適用請向承貸金融機構確認，或洽信保基金：${serviceLinesText(ctx.service)}。` : undefined;
  // (「直接保證要先拿到信保的什麼文件」: the paper 直接保證 asks for, 承諾函, is in its own line.)
  const direct = ctx.understanding.howToApply === 'direct' || (aboutDocuments && ctx.understanding.programmes.includes('direct'));
  // (Asked whether one may go to the fund directly, the section on 直接保證 answers: it is cited first.)
  const ordered = direct ? [...routes.filter((r) => r.heading === DIRECT_HEADING), ...routes.filter((r) => r.heading !== DIRECT_HEADING)] : routes;
  const citations: Citation[] = [...ordered.map((r) => r.citation), ...(office ? [ctx.cite.forSection(office.section)] : [])];
  const route = '信用保證由往來的金融機構向本基金申請：請向銀行等金融機構申請貸款，由金融機構送保（直接保證除外）。';
  const noDocumentList = afterOwnPassage
    ? `其他所需文件請向承貸金融機構確認，或洽信保基金：${serviceLinesText(ctx.service)}。`
    : `收錄的文件沒有列出企業申請時要準備的文件清單；所需文件請向承貸金融機構確認，或洽信保基金：${serviceLinesText(ctx.service)}。`;
  // 「能不能直接找信保基金」: 直接保證 is the answer, then the bank route for everything else.
  const directLine = direct ? routes.find((r) => r.heading === DIRECT_HEADING)?.line : undefined;
  const lead = directLine
    ? ['直接向本基金申請的方式是「直接保證」，限符合下列條件的中小企業：', directLine, route]
    : aboutDocuments
      ? [noDocumentList, route]
      : [route];
  const lines = [
    notNamed,
    ...lead,
    ...routes.filter((r) => r.line !== directLine).map((r) => r.line),
    aboutDocuments ? (directLine ? `其他所需文件請向承貸金融機構確認，或洽信保基金：${serviceLinesText(ctx.service)}。` : undefined) : `要準備的文件，文件中沒有列出，請向承貸金融機構確認，或洽信保基金：${serviceLinesText(ctx.service)}。`,
    office ? `就近洽詢本基金：「${office.passage}」` : undefined,
    sourcesLine(citations),
  ];
  return answered(
    // (Asked for the papers and no passage of the programme lists them, the reply's first line says the documents do not:
    // what follows is the route, not the answer.)
    { kind: 'answer', intent: 'how_to_apply', lines, citations, quickReplies: ['有什麼貸款適合我？', '客服電話？'], notInDocuments: (aboutDocuments && !afterOwnPassage && directLine === undefined) || notNamed !== undefined },
    // (「直接保證」 is what the answer is about: 「什麼樣的公司才可以用」 next asks about it.)
    { task: undefined, pending: undefined, ...(directLine ? { programme: 'direct' as const } : {}) },
  );
}

/** Whether a passage says where one applies (「向承貸銀行提出申請」, finder.yaml how_to_apply `where_said`). */
function saysWhere(ctx: FlowContext, passages: readonly string[]): boolean {
  return passages.some((passage) => ctx.domain.finder.howToApply.whereSaid.test(passage));
}

function overviewSection(ctx: FlowContext, heading: string): KnowledgeSection | undefined {
  return ctx.sources.knowledge.sections.find((s) => s.documentId === OVERVIEW && s.heading === heading);
}
