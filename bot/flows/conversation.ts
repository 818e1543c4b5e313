import { passageCatalogue } from '../../knowledge/passages.ts';
import { readableQuote } from '../../knowledge/quote.ts';
import { normalizeText } from '../understand/normalize.ts';
import { reply } from '../compose/reply.ts';
import type { FactFlags } from '../../rules/facts.ts';
import type { Citation } from '../types.ts';
import { lookupFlow } from './lookup.ts';
import { programmeNames, retrievalAnswer, retrievalChoice } from './retrieval.ts';
import { serviceLinesText } from '../compose/service-lines.ts';
import type { Reply } from '../types.ts';
import type { FlowContext, FlowResult } from './context.ts';

export const EXAMPLE_QUESTIONS = [
  '一般貸款500萬保8成B組一年手續費多少？',
  '批次保證手續費率是多少？',
  '我35歲，公司成立2年，可以申請青創貸款嗎？',
  '營業額2000萬、週轉借款1200萬，營授比多少？',
];

const CAPABILITIES = [
  '我是信保基金智慧客服，可以回答：',
  '・保證手續費試算（例如：一般貸款500萬保8成B組一年）',
  '・保證成數、費率、額度上限等規定（每個數字都附來源與日期）',
  '・申請資格判斷（青年創業、微型創業鳳凰、營授比…）',
  '・批次保證、促進就業專案、莫拉克颱風專案等規定',
];

export function greetingReply(): Reply {
  return reply({ kind: 'greeting', intent: 'greeting', lines: ['您好！', ...CAPABILITIES, '請直接輸入問題，或點選下方範例。'], quickReplies: EXAMPLE_QUESTIONS });
}

export function helpFlow(): FlowResult {
  return { outcome: 'answered', replies: [reply({ kind: 'greeting', intent: 'help', lines: CAPABILITIES, quickReplies: EXAMPLE_QUESTIONS })], state: {} };
}

/** Weather, stocks, other banks' products: a polite redirect to what the bot can do. */
export function outOfScopeFlow(ctx: FlowContext): FlowResult {
  return {
    outcome: 'unanswered',
    replies: [
      reply({
        kind: 'out_of_scope',
        intent: 'out_of_scope',
        lines: [
          '抱歉，這個問題不在我的服務範圍內。我只回答中小企業信用保證（信保）相關的問題，例如保證手續費、保證成數、申請資格與送保規定。',
          `其他問題請洽信保基金：${serviceLinesText(ctx.service)}`,
        ],
        citations: ctx.service.citation ? [ctx.service.citation] : [],
        quickReplies: EXAMPLE_QUESTIONS.slice(0, 3),
        notInDocuments: true,
      }),
    ],
    state: {},
  };
}

/** 「保證一定核准好不好」「隔壁公司借了多少」: what the bot must not promise or disclose, said plainly, with where to ask. */
export function declineFlow(ctx: FlowContext, key: string, rule?: FlowResult): FlowResult {
  const said = ctx.domain.intents.declines.find((d) => d.key === key);
  // (What the rules say of the case told comes after the refusal: 「營授比已經超過100%…把營業額做高一點」 is told the
  // 營授比 rule honestly, with its source.)
  const ruled = rule?.replies[0];
  // (Else what the programme's own documents say of misusing it, 「金融機構如有不當利用批次保證之情事…」, quoted.)
  const misuse = ruled ? undefined : misuseRule(ctx, said?.ruleWords ?? []);
  // (「核准日其實是103/12/16，可以改成12/12嗎」: a case's date told with the programme's rule on which cases a revision
  // covers is what decides; that rule is quoted too.)
  const versions = ruled ? undefined : transitionRule(ctx);
  // (And the rule the message is about: 「客戶有退票紀錄…查詢書上不勾，讓它走授權送保」 → such a case goes by project
  // application. Only for a decline whose rule is quoted, 「造假」 and the like: approval odds have no passage to quote.)
  const topic = ruled || versions || (said?.ruleWords.length ?? 0) === 0 ? undefined : topicRule(ctx);
  // (「幫我寫文宣說批保手續費全免、保十成」: what the claim speaks of, as the rules say it.)
  const claimed = ruled ? undefined : claimRule(ctx, said?.claimAsks ?? []);
  // (Both when they are different passages: 「改用他兒子公司的名義繼續送批次」 hears the 100萬 cap and what misuse costs.)
  const shownTopic = topic && !(misuse && topic.citations.some((c) => c.section === misuse.citation.section)) ? topic : undefined;
  return {
    outcome: 'answered',
    replies: [
      reply({
        kind: 'answer',
        intent: ctx.understanding.intent,
        lines: [
          said?.reply ?? '抱歉，這件事我無法在對話中處理。',
          ...(ruled ? ['依規定，您說的情形：', ruled.text] : []),
          ...(shownTopic ? [shownTopic.text] : []),
          ...(claimed ? [claimed.text] : []),
          ...(misuse ? [`依《${misuse.citation.title}》〈${misuse.citation.section}〉：`, misuse.quote] : []),
          ...(versions ? [versions.line] : []),
          `如需協助，請洽信保基金：${serviceLinesText(ctx.service)}`,
        ],
        citations: [...(ruled?.citations ?? []), ...(misuse ? [misuse.citation] : []), ...(versions ? [versions.citation] : []), ...(shownTopic?.citations ?? []), ...(claimed?.citations ?? []), ...(ctx.service.citation ? [ctx.service.citation] : [])],
        quickReplies: EXAMPLE_QUESTIONS.slice(0, 3),
        notInDocuments: true,
      }),
    ],
    state: {},
  };
}

/**
 * The passage of the programme asked about that says what misusing it costs (intents.yaml declines `rule_words`): the
 * first passage writing one of the words in a section naming the programme.
 */
function misuseRule(ctx: FlowContext, words: readonly string[]): { quote: string; citation: Citation } | undefined {
  // (Or the one a circumstance told names, 「具結書上多寫幾個人」 → 促進就業.)
  const flagged = Object.entries(ctx.merged.facts.flags ?? {}).flatMap(([flag, on]) => (on ? [ctx.domain.facts.namingProgramme.flags[flag as keyof FactFlags]] : [])).find((p) => p !== undefined);
  const programme = ctx.merged.programme ?? flagged;
  if (!programme || words.length === 0) return undefined;
  const names = programmeNames(ctx.domain, programme).map((name) => normalizeText(name));
  for (const section of passageCatalogue(ctx.sources.knowledge).sections.values()) {
    const first = section.passages[0]?.section;
    if (!first || !names.some((name) => normalizeText(`${first.title}\n${first.heading}\n${first.text}`).includes(name))) continue;
    const passage = section.passages.find((p) => words.some((word) => p.text.includes(word)));
    if (passage) return { quote: `「${readableQuote(ctx.sources.knowledge, first.id, passage.text)}」`, citation: ctx.cite.forSection(first, passage.text) };
  }
  // (Else the programme's own row, its conditions: 「設立其實6年了 申請青創的時候寫4年」 is told 青創's row,
  // 「年齡20歲至45歲，且公司或行號設立未滿5年」.)
  for (const section of passageCatalogue(ctx.sources.knowledge).sections.values()) {
    const first = section.passages[0]?.section;
    // (A row of the programme's own documents, not a year's statistics naming it.)
    const own = ctx.domain.programmes.documents[programme] ?? [];
    if (own.length > 0 && !own.includes(section.passages[0]?.section.documentId ?? '')) continue;
    const row = section.passages.find((p) => names.some((name) => normalizeText(p.text.split('：').at(-1) ?? '').startsWith(name)));
    if (first && row) return { quote: `「${readableQuote(ctx.sources.knowledge, first.id, row.text)}」`, citation: ctx.cite.forSection(first, row.text) };
  }
  return undefined;
}

/**
 * The rules on what a claim to be told to others speaks of (intents.yaml declines `claim_asks`): 「批保手續費全免」 →
 * the batch fee rate, 「保到十成」 → its highest ratio, each as the rules state it on the day asked.
 */
function claimRule(ctx: FlowContext, claimAsks: ReadonlyArray<{ ask: string; words: readonly string[] }>): Reply | undefined {
  const text = normalizeText(ctx.understanding.text);
  const claimed = claimAsks.filter(({ words }) => words.some((word) => text.includes(word)));
  if (claimed.length === 0) return undefined;
  const asks = claimed.map(({ ask }) => ask);
  // (Asked as the rules' own question, the programme and what is claimed of it: the request's other words (「LINE訊息」)
  // are no topic to look up.)
  // (A claim naming no programme, 「中小企業貸款100%保證核准 手續費全免」, is of the ordinary guarantee: programmes.yaml `unnamed`.)
  const id = ctx.merged.programme ?? ctx.domain.programmes.unnamed?.programme;
  const programme = id ? (programmeNames(ctx.domain, id)[0] ?? '') : '';
  const asked = `${programme} ${claimed.map(({ words }) => words.find((word) => text.includes(word))).join(' ')}`;
  const checked = withoutClaimedFigures(ctx);
  const merged = { ...checked.merged, task: 'fact_lookup' as const, asks, ...(id ? { programme: id } : {}) };
  const found = lookupFlow({ ...checked, merged, understanding: { ...checked.understanding, text: asked, intent: 'fact_lookup', asks: asks as typeof ctx.understanding.asks } });
  const answer = found.outcome === 'answered' ? found.replies[0] : undefined;
  return answer && !answer.notInDocuments ? answer : undefined;
}

/**
 * The message without the figures of a claim it refuses or checks (「手續費固定0.5%」「一律九成」「批保十成保證」): they are
 * what is checked against the rules, never the case's own ratio or rate.
 */
export function withoutClaimedFigures(ctx: FlowContext): FlowContext {
  const { guaranteeRatio: _claimedRatio, ...facts } = ctx.merged.facts;
  const { statedRate: _claimedRate, ...understanding } = ctx.understanding;
  return { ...ctx, merged: { ...ctx.merged, facts, statedRate: undefined }, understanding };
}

/** The passages the message is about, quoted (never a computed figure): undefined when the documents do not cover it. */
function topicRule(ctx: FlowContext): { text: string; citations: Citation[] } | undefined {
  // (A rule the message names, 「有退票紀錄…走授權」, from the rules; else the passage.)
  const found = ctx.merged.task === 'fact_lookup' ? lookupFlow(ctx) : retrievalAnswer(ctx);
  const answer = found.outcome === 'answered' ? found.replies[0] : undefined;
  if (answer && !answer.notInDocuments) return answer;
  // (What the message asks of its false figures, 「多寫幾個人」, is no question to answer: the nearest section is the
  // rule it is about, quoted where it matches the message best.)
  const choice = retrievalChoice(ctx);
  const hit = choice.covered ? undefined : (choice.nearest ?? ctx.sources.index.search(ctx.understanding.text, { asOf: ctx.asOf, limit: 1 })[0]);
  const section = hit ? passageCatalogue(ctx.sources.knowledge).sections.get(hit.sectionId)?.passages[0]?.section : undefined;
  if (!hit || !section) return undefined;
  const citation = ctx.cite.forSection(section, hit.snippet);
  return { text: `依《${section.title}》〈${section.heading}〉：\n「${hit.snippet.trim()}」`, citations: [citation] };
}

/** The programme's rule on which cases a revision covers (`<programme>.transition_rule`), when the message tells a case's date. */
function transitionRule(ctx: FlowContext): { line: string; citation: Citation } | undefined {
  const programme = ctx.merged.programme;
  const { approvalDate, applicationDate } = ctx.understanding.facts;
  const name = programme ? `${programme}.transition_rule` : undefined;
  if (!name || (approvalDate ?? applicationDate) === undefined || !ctx.view.has(name)) return undefined;
  const rule = ctx.view.history(name).at(-1);
  if (!rule || typeof rule.value !== 'string') return undefined;
  return { line: `新舊規定的適用（${rule.description}）：${rule.value}`, citation: ctx.cite.forReference(rule.reference, rule.effectiveFrom, rule.name) };
}

export function resetReply(): Reply {
  return reply({ kind: 'answer', intent: 'reset', lines: ['好的，已重新開始。請問想了解什麼？'], quickReplies: EXAMPLE_QUESTIONS });
}

export function thanksFlow(): FlowResult {
  return {
    outcome: 'answered',
    replies: [reply({ kind: 'feedback_ack', intent: 'feedback', lines: ['謝謝您的回饋！還有其他信保問題嗎？'], quickReplies: EXAMPLE_QUESTIONS.slice(0, 2) })],
    state: {},
  };
}

export function feedbackAck(rating: 'up' | 'down'): Reply {
  return reply({
    kind: 'feedback_ack',
    intent: 'feedback',
    lines: [rating === 'up' ? '謝謝您的肯定！' : '謝謝您的回饋，我們會檢討這個回答。需要即時協助也可以撥打信保基金客服專線。'],
  });
}

export function tooLongReply(limit: number, length: number): Reply {
  return reply({
    kind: 'error',
    lines: [`抱歉，您的訊息太長了（${length} 字）。請精簡到 ${limit} 字以內，一次問一個問題。`],
  });
}
