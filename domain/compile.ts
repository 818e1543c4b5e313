import type { FactFlags, Facts } from '../rules/facts.ts';
import type { ProgrammeId } from '../rules/programmes.ts';
import { cueRegExp, prefixRegExp } from './cues.ts';
import type { DomainFiles } from './load.ts';
import type { ASK_IDS } from './schema.ts';

export type AskTopic = (typeof ASK_IDS)[number];
type Choice<K extends keyof Facts> = Array<{ value: NonNullable<Facts[K]>; cue: RegExp }>;

export interface FactQuestionWords {
  label: string;
  question: string;
  quickReplies: string[];
  /** Other answers users give, which understanding must read (checked by the registry test). */
  examples: string[];
  /** What a bare answer is read after (「300萬」 → 「短、中期週轉授信總餘額300萬」); the label unless given. */
  context?: string;
}

/** The registry, compiled once per version: what understanding and dialogue read instead of word lists in code. */
export interface Domain {
  /** A hash of the files' content. */
  version: string;
  programmes: {
    /** Every name, with its programme; circumstances are weak names (莫拉克 names a plan only when nothing else is named). */
    names: Array<{ id: ProgrammeId; name: string; weak: boolean }>;
    documents: Record<ProgrammeId, string[]>;
  };
  facts: {
    questions: Partial<Record<keyof Facts, FactQuestionWords>>;
    flags: Array<{ flag: keyof FactFlags; label: string; question: string; cue: RegExp }>;
    industry: Choice<'industry'>;
    gender: Choice<'gender'>;
    submission: Choice<'submission'>;
    loanPurpose: Choice<'loanPurpose'>;
  };
  asks: {
    topics: Array<{ topic: AskTopic; cue: RegExp }>;
    feeAmountQuestion: RegExp;
    feeAmountWithFee: RegExp;
    interrogative: RegExp;
    vagueDefinition: RegExp;
    /** Per ask, fragments of the names of the parameters that answer it. */
    parameters: Record<string, readonly string[]>;
    /** Parameter folders or names that a question's words point to (營授比 → business_finance_ratio). */
    parameterTopics: Array<{ topic: string; cue: RegExp }>;
    /** Per ask, what a passage must contain to answer it. */
    evidence: Partial<Record<string, RegExp>>;
  };
  intents: {
    reset: RegExp;
    thanks: RegExp;
    complaint: RegExp;
    help: RegExp;
    greeting: RegExp;
    outOfScope: RegExp;
    onTopic: RegExp;
    firstPerson: RegExp;
    question: RegExp;
    eligibilityQuestion: RegExp;
    /** 「有什麼貸款適合我？」「信保可以幫忙嗎」: which programme fits, the user names none. */
    recommend: RegExp;
    change: RegExp;
  };
  modifiers: { several: RegExp; most: RegExp; least: RegExp; yesNo: RegExp; list: RegExp; comparison: RegExp; current: RegExp; bothWays: RegExp; notWaived: RegExp };
  followUp: { leaning: RegExp; conditional: RegExp; comparing: RegExp; opening: RegExp };
  /** Whole-message answers to a yes-or-no question. */
  answers: { yes: ReadonlySet<string>; no: ReadonlySet<string> };
  finder: Finder;
  words: {
    filler: ReadonlySet<string>;
    /** Words removed from a question before its passages are matched. */
    queryFiller: RegExp;
    /** The fund's terms and every programme name, longest first. */
    terms: readonly string[];
  };
}

/** The programme finder's words (domain/registry/finder.yaml). */
export interface Finder {
  /** Needs users describe (創業, 週轉, 自有品牌 …), each with the programmes to look at first; none means nothing fits. */
  purposes: Array<{
    id: string;
    label: string;
    cue: RegExp;
    flags: Partial<Record<keyof FactFlags, boolean>>;
    programmes: ProgrammeId[];
    /** Circumstances the need amounts to (多請員工、不裁員 is what the 促進就業具結書 pledges): its programmes are weighed with them, said so. */
    weighedWith: Partial<Record<keyof FactFlags, boolean>>;
    /** Guarantees the documents name for the need without their figures (赴有邦交國家投資): told with the passage that names them. */
    mentioned: Array<{ name: string; document: string; section: string; quote: string }>;
  }>;
  /** Programmes that fit by who the applicant is (age, gender, business age), whatever the purpose. */
  audienceProgrammes: ProgrammeId[];
  /** Who a programme is for, where no parameter says it. */
  audience: Partial<Record<ProgrammeId, string>>;
  /** The parameter holding a plan's period: once it has ended, the programme is history, not a recommendation. */
  planPeriods: Partial<Record<ProgrammeId, string>>;
  /**
   * Programmes the documents describe only as in force at their own date (災害復舊專案貸款, listed in 民國99年 as a
   * current policy loan): shown marked with that date and the service lines to confirm what applies now.
   */
  asOfDocument: ProgrammeId[];
  /** Facts worth asking for, most decisive first. */
  questionOrder: string[];
  /** What the money is for, asked when no need is stated and who the applicant is decides nothing (a 12-year-old factory). */
  needQuestion: { question: string; quickReplies: string[] };
  /** Answers to tap, with a short note of what each means, by fact. */
  quickReplies: Record<string, string[]>;
  /**
   * 「要去哪裡申請」「要準備什麼文件」: an applicant asking how to apply (`cue`), and for the documents to bring
   * (`documents`); a lending bank's question about filing (`lenderSide`: 勾哪個欄位) is not one.
   */
  howToApply: { cue: RegExp; documents: RegExp; lenderSide: RegExp; direct: RegExp };
}

function choices<K extends keyof Facts>(record: Record<string, Parameters<typeof cueRegExp>[0]>): Choice<K> {
  return Object.entries(record).map(([value, cues]) => ({ value: value as NonNullable<Facts[K]>, cue: cueRegExp(cues) }));
}

export function compileDomain(files: DomainFiles, version: string): Domain {
  const { programmes } = files['programmes.yaml'];
  const facts = files['facts.yaml'];
  const asks = files['asks.yaml'];
  const intents = files['intents.yaml'];
  const words = files['words.yaml'];
  const finder = files['finder.yaml'];
  const names = (Object.entries(programmes) as Array<[ProgrammeId, (typeof programmes)[ProgrammeId]]>).flatMap(([id, p]) => [
    ...p.aliases.map((name) => ({ id, name, weak: false })),
    ...(p.circumstances ?? []).map((name) => ({ id, name, weak: true })),
  ]);
  const questionOf = (q: {
    label: string;
    question: string;
    quick_replies?: string[] | undefined;
    examples?: string[] | undefined;
    context?: string | undefined;
  }): FactQuestionWords => ({
    label: q.label,
    question: q.question,
    quickReplies: q.quick_replies ?? [],
    examples: q.examples ?? [],
    ...(q.context ? { context: q.context } : {}),
  });
  return {
    version,
    programmes: {
      names,
      documents: Object.fromEntries(Object.entries(programmes).map(([id, p]) => [id, p.documents])) as Record<ProgrammeId, string[]>,
    },
    facts: {
      questions: Object.fromEntries(Object.entries(facts.facts).flatMap(([fact, q]) => (q ? [[fact, questionOf(q)]] : []))),
      flags: Object.entries(facts.flags).map(([flag, f]) => ({ flag: flag as keyof FactFlags, label: f.label, question: f.question, cue: cueRegExp(f.cues) })),
      industry: choices<'industry'>(facts.choices.industry),
      gender: choices<'gender'>(facts.choices.gender),
      submission: choices<'submission'>(facts.choices.submission),
      loanPurpose: choices<'loanPurpose'>(facts.choices.loanPurpose),
    },
    asks: {
      topics: Object.entries(asks.asks).map(([topic, cues]) => ({ topic: topic as AskTopic, cue: cueRegExp(cues, 'g') })),
      feeAmountQuestion: cueRegExp(asks.fee_amount_question),
      feeAmountWithFee: cueRegExp([...asks.fee_amount_question, ...asks.fee_amount_with_fee]),
      interrogative: cueRegExp(asks.interrogative),
      vagueDefinition: prefixRegExp(asks.vague_definition),
      parameters: asks.parameters,
      parameterTopics: Object.entries(asks.parameter_topics).map(([topic, cues]) => ({ topic, cue: cueRegExp(cues) })),
      evidence: Object.fromEntries(Object.entries(asks.evidence).flatMap(([ask, cues]) => (cues ? [[ask, cueRegExp(cues)]] : []))),
    },
    intents: {
      reset: cueRegExp(intents.reset),
      thanks: cueRegExp(intents.thanks),
      complaint: cueRegExp(intents.complaint),
      help: cueRegExp(intents.help),
      greeting: prefixRegExp(intents.greeting),
      outOfScope: cueRegExp(intents.out_of_scope),
      onTopic: cueRegExp(intents.on_topic),
      firstPerson: cueRegExp(intents.first_person),
      question: cueRegExp(intents.question),
      eligibilityQuestion: cueRegExp(intents.eligibility_question),
      recommend: cueRegExp(intents.recommend),
      change: cueRegExp(intents.change),
    },
    modifiers: {
      several: cueRegExp(intents.modifiers.several),
      most: cueRegExp(intents.modifiers.most),
      least: cueRegExp(intents.modifiers.least),
      yesNo: cueRegExp(intents.modifiers.yes_no),
      list: cueRegExp(intents.modifiers.list),
      comparison: cueRegExp(intents.modifiers.comparison),
      current: cueRegExp(intents.modifiers.current),
      bothWays: cueRegExp(intents.modifiers.both_ways),
      notWaived: cueRegExp(intents.modifiers.not_waived),
    },
    followUp: {
      leaning: prefixRegExp(intents.follow_up.leaning),
      conditional: prefixRegExp(intents.follow_up.conditional),
      comparing: prefixRegExp(intents.follow_up.comparing),
      // 「好的，那C組呢？」: the courtesy and what separates it from the message.
      opening: new RegExp(`${prefixRegExp(intents.follow_up.opening).source}[,，、\\s]*`),
    },
    answers: { yes: new Set(intents.answers.yes), no: new Set(intents.answers.no) },
    finder: {
      purposes: Object.entries(finder.purposes).map(([id, p]) => ({
        id,
        label: p.label,
        cue: cueRegExp(p.cues),
        flags: (p.flags ?? {}) as Partial<Record<keyof FactFlags, boolean>>,
        programmes: p.programmes as ProgrammeId[],
        weighedWith: (p.weighed_with ?? {}) as Partial<Record<keyof FactFlags, boolean>>,
        mentioned: p.mentioned ?? [],
      })),
      audienceProgrammes: finder.audience_programmes as ProgrammeId[],
      audience: finder.audience as Partial<Record<ProgrammeId, string>>,
      planPeriods: finder.plan_periods as Partial<Record<ProgrammeId, string>>,
      asOfDocument: (finder.as_of_document ?? []) as ProgrammeId[],
      questionOrder: finder.question_order,
      needQuestion: { question: finder.need_question.question, quickReplies: finder.need_question.quick_replies },
      quickReplies: finder.quick_replies,
      howToApply: {
        cue: cueRegExp(finder.how_to_apply.cues),
        documents: cueRegExp(finder.how_to_apply.documents),
        lenderSide: cueRegExp(finder.how_to_apply.lender_side),
        direct: cueRegExp(finder.how_to_apply.direct),
      },
    },
    words: {
      filler: new Set(words.filler),
      queryFiller: cueRegExp(words.query_filler, 'g'),
      terms: [...new Set([...names.map((n) => n.name), ...words.terms])].sort((a, b) => b.length - a.length),
    },
  };
}
