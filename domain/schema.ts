import { z } from 'zod';
import { FactFlags, Facts } from '../rules/facts.ts';
import { PROGRAMME_IDS } from '../rules/programmes.ts';

/**
 * The domain registry's format: the words users say for programmes, facts, asks and intents, in YAML files fund
 * staff can read (domain/registry/*.yaml). One schema validates the files, types the code and names what is wrong.
 */

const Word = z.string().min(1, '字詞不可為空白');
const Words = z.array(Word).min(1, '至少要有一個字詞');
/** Words, where a list named once in the file (a YAML anchor, `*case_records`) may stand among them: it is spread in. */
const WordsWithLists = z.preprocess((value) => (Array.isArray(value) ? value.flat() : value), Words);

/**
 * How a word is recognised: the word itself; the word unless right after or before other words
 * (上限, but not 年齡上限); or two words in one clause (with `sentence: true`, in one sentence: commas between them
 * allowed), the second within `within` characters of the first.
 */
export const Cue = z.union([
  Word,
  z.object({ word: Word, not_after: z.array(Word).optional(), not_before: z.array(Word).optional() }).strict(),
  // (not_before: words right after the second part that undo it, 「銀行襄理一直跟我講」 is a bank's clerk speaking, no relation;
  // not_after: words right before the first part, 「保證餘額還剩多少」 is the balance, not what is left of a cap.)
  z.object({ first: WordsWithLists, then: WordsWithLists, within: z.number().int().min(0).max(60).default(0), sentence: z.boolean().optional(), not_before: z.array(Word).optional(), not_after: z.array(Word).optional() }).strict(),
]);
export type Cue = z.infer<typeof Cue>;
const Cues = z.array(Cue).min(1, '至少要有一個說法');

const ProgrammeId = z.enum(PROGRAMME_IDS as [string, ...string[]]);

export const ASK_IDS = [
  'fee',
  'max_ratio',
  'age_limit',
  'business_age_limit',
  'cap_amount',
  'period_limit',
  'definition',
  'procedure',
  'contact',
  'statistics',
  'effective_date',
  'exclusions',
  'subsidy',
  'budget',
  'eligibility_criteria',
  'subrogation',
  'interest_rate',
  'threshold',
  'repayment',
  'usage',
  'guaranteed_amount',
  'names',
  'submission_channel',
  'applicable_rules',
  'letter_head',
  'payment',
  'collector',
] as const;

/** The asks a passage must show evidence of (fee_rate and fee_amount are the two readings of 'fee'). */
const ASK_EVIDENCE = ['fee_rate', 'fee_amount', ...ASK_IDS.filter((id) => id !== 'fee')] as [string, ...string[]];

export const ProgrammesFile = z
  .object({
    programmes: z.record(
      ProgrammeId,
      z.object({ aliases: Words, former_names: z.array(Word).optional(), circumstances: z.array(Word).optional(), described_by: Cues.optional(), documents: Words, part_of: ProgrammeId.optional() }).strict(),
    ),
    /** Phrases holding a programme's name that do not name it (「復工營業計畫實際需要」 is a need, not 復工營業貸款). */
    not_names: z.array(Word).optional(),
    /** Words that may stand beside a programme's name in a message that only names it (「請問一下青創」): it asks what it is. */
    name_alone: z.array(Word).optional(),
    /** Words standing for the part of a name one does not remember (「鳳什麼的」「火什麼姑」). */
    name_wildcards: z.array(Word).optional(),
    /** What may follow a wildcard when no character of the name does (「鳳什麼的」, not 「會發什麼給銀行」). */
    name_wildcard_ends: z.array(Word).optional(),
    /** The programme a figure question naming none is answered for (「信保手續費多少」), with what the reply says first. */
    unnamed: z
      .object({ programme: ProgrammeId, asks: z.array(z.enum(ASK_EVIDENCE)).min(1, '至少要有一種問題'), words: z.array(Word).default([]), note: Word, fee_note: Word.optional() })
      .strict()
      .optional(),
  })
  .strict();

const factNames = Object.keys(Facts.shape) as [string, ...string[]];
const flagNames = Object.keys(FactFlags.shape) as [string, ...string[]];

export const FactsFile = z
  .object({
    facts: z.partialRecord(
      z.enum(factNames),
      z.object({
        label: Word,
        question: Word,
        quick_replies: z.array(Word).optional(),
        examples: z.array(Word).optional(),
        context: Word.optional(),
        /** The unit a bare number answering the question is read with (「四十八」 → 「四十八歲」). */
        unit: Word.optional(),
        /** Only this programme's rules read the fact: stating it, with no programme named, is about that programme. */
        names_programme: ProgrammeId.optional(),
        /** Questions the fact lets the bot answer, offered when a message states it and asks nothing. */
        leads_to: z.array(Word).optional(),
      }).strict(),
    ),
    /** What the bot says to a first message that only states facts: what it understood, then this, with chips. */
    facts_only: z.object({ question: Word, quick_replies: z.array(Word).min(1) }).strict(),
    flags: z.record(z.enum(flagNames), z.object({ label: Word, question: Word, cues: Cues, names_programme: ProgrammeId.optional(), follow_up_verbs: z.array(Word).optional(), documents_say: z.array(Word).optional(), not_a_need: z.boolean().optional(), cues_against: Cues.optional(), lender_listed: z.boolean().optional() }).strict()),
    choices: z.object({
      industry: z.record(z.enum(['production', 'general']), Cues),
      gender: z.record(z.enum(['female', 'male']), Cues),
      submission: z.record(z.enum(['authorised', 'project', 'direct', 'batch']), Cues),
      loanPurpose: z.record(z.enum(['capital_expenditure', 'trade_backed', 'working_capital']), Cues),
      /** The category named outright (「算生產事業」), which decides over what a description suggests (「咖啡」). */
      industry_outright: z.record(z.enum(['production', 'general']), Cues).optional(),
      /** The lending bank, by its full name as the documents write it, and the words users call it by. */
      lender: z.record(Word, Cues).optional(),
    }).strict(),
  })
  .strict();


export const AsksFile = z
  .object({
    asks: z.record(z.enum(ASK_IDS), Cues),
    fee_amount_question: Cues,
    fee_amount_with_fee: Cues,
    per_year: Cues.optional(),
    /** Asks that need the case's loan amount, and what their words ask without one (保證金額 → statistics). */
    without_amount: z.partialRecord(z.enum(ASK_EVIDENCE), z.enum(ASK_EVIDENCE)).default({}),
    /** Words that name the ratio itself (幾成, 成數): with a ratio and a loan told, other words of max_ratio ask the amount. */
    ratio_named: Cues.default([]),
    /** After a limit is told (年齡限制), a bare reply is the fact it limits (「67」 is the asker's age). */
    answered_by_fact: z.partialRecord(z.enum(ASK_IDS), z.enum(factNames)).default({}),
    interrogative: Cues,
    /** 「…的手續費，也問一下計提率」: words saying that the clauses before also asked something. */
    also: Cues.optional(),
    /** 「期限縮短成一年半」: words between an ask's word and a figure that change the case's term rather than ask it. */
    changed_to: Words.optional(),
    /** 「批次保證最高保證成數，代償上限每個批號多少」: the only other words a clause listing what is asked may hold. */
    listed_with: Words.optional(),
    /** 「這個額外的額度可以走授權送保嗎」: words opening a phrase that points back at what was discussed, and words ending it. */
    referent: z.object({ opens: Cues, ends: Cues, within: z.number().int().min(1).max(20), asked_of: z.array(z.string()).default([]) }).strict().optional(),
    /** 「現在還是這樣嗎」: words of a question asking about what the clauses before it said (a figure stated there). */
    refers_back: Cues.default([]),
    /** 「每年幾月要申請下一年度的批號跟代償最高限額」: a question of when something is done; what follows it in the clause is what is done, not asked. */
    asks_when_done: Cues.optional(),
    vague_definition: Words,
    /** Asks whose words only label a fact of the case in a message that asks nothing and states a loan (「授權送保 C組 1,250萬」). */
    labels_when_stating: z.array(z.enum(ASK_IDS)).default([]),
    parameters: z.record(z.string().regex(/^[a-z_]+$/, '問法代號只用小寫英文字母與底線'), z.array(z.string().regex(/^!?[a-z_.]+$/, '參數名稱的片段只用小寫英文字母、底線與點；不要的片段前面加 !')).min(1)),
    parameter_topics: z.record(z.string().regex(/^[a-z_]+(?:\.[a-z_]+)?$/, '參數名稱只用小寫英文字母、底線與一個點'), Cues),
    evidence: z.partialRecord(z.enum(ASK_EVIDENCE), Cues),
    /** What an answer calls an ask when saying the documents do not give it (「貸款利率」). */
    ask_names: z.partialRecord(z.enum(ASK_EVIDENCE), Word).default({}),
    /**
     * 「手續費可以退嗎」: an ask that is about another's thing (how a fee is paid or refunded); in its clause that thing's
     * words are its subject, not asked, unless the clause also asks how much (`unless`).
     */
    ask_subjects: z
      .array(
        z
          .object({ asked: z.enum(ASK_IDS).optional(), said: Cues.optional(), subjects: z.array(z.enum(ASK_IDS)).min(1), unless: Cues.optional() })
          .strict()
          .refine((s) => (s.asked === undefined) !== (s.said === undefined), '每一項寫 asked（問法代號）或 said（字詞）其中一個'),
      )
      .default([]),
    /** A rule topic whose figure an ambiguous ask means (「同一家公司最多可以保到多少」: the total cap, not a ratio). */
    topic_asks: z
      .record(
        z.string().regex(/^[a-z_]+(?:\.[a-z_]+)?$/, '參數名稱只用小寫英文字母、底線與一個點'),
        z.object({ ask: z.enum(ASK_IDS), instead_of: z.array(z.enum(ASK_IDS)).min(1), unless: Cues.optional() }).strict(),
      )
      .default({}),
  })
  .strict();

export const IntentsFile = z
  .object({
    reset: Cues,
    thanks: Cues,
    complaint: Cues,
    help: Cues,
    /** 「176,766.89(單位百萬元)，換成億是多少」: asking a figure one states in another unit. */
    convert_units: Cues.optional(),
    greeting: Words,
    out_of_scope: Cues,
    on_topic: Cues,
    first_person: Cues,
    /** 「我在高雄…」「店開在台中」: what comes right after these is where the one asking is, not what is asked about. */
    located_self: Words.optional(),
    question: Cues,
    eligibility_question: Cues,
    recommend: Cues,
    /** 「青創她還能用嗎？還是有別的可以申請的？」: asking, beside one programme, what else there is. */
    others: Cues.default([]),
    /** 「聽說」「朋友說」: a figure told as heard, not as quoted by the lender; `quoted` (銀行、行員) makes it the lender's. */
    hearsay: z.object({ heard: Cues, quoted: Cues, feared: Cues.optional() }).strict().optional(),
    who_qualifies: Cues,
    /** 「可以用火金姑嗎 手續費多少」: whether one may use the programme named, asked beside its figures (read with the names taken out). */
    may_use: Cues.optional(),
    change: Cues,
    modifiers: z
      .object({ which: Cues, still: Cues, several: Cues, most: Cues, least: Cues, yes_no: Cues, list: Cues, comparison: Cues, current: Cues, both_ways: Cues, not_waived: Cues, total: Cues, place_of: Cues, threshold: Cues.optional(), lower: Cues.optional(), which_lender: Cues.optional(), originally: Cues.optional(), past: Cues.optional(), until: Cues.optional(), longest_term: Cues.optional(), difference: Cues.optional(), adds_to_before: Cues.optional(), share: Cues.optional(), which_year: Cues.optional(), times: Cues.optional(), western_year: Cues.optional(), growth: Cues.optional(), per: Cues.optional(), years_between: Cues.optional(), lower_of_two: Cues.optional(), higher_of_two: Cues.optional(), row_above: Cues.optional(), row_below: Cues.optional() })
      .strict(),
    follow_up: z.object({ leaning: Cues, conditional: Cues, comparing: Cues, opening: Words, alone: Words.optional(), joiners: Words.optional(), endings: Words.optional(), pronouns: Words.optional(), refers_back: Words.optional(), pointing: Cues.optional(), row_pointers: Cues.optional() }).strict(),
    answers: z.object({ yes: Words, no: Words }).strict(),
    /** 「還是只有一般貸款才有」: a programme between these words is named as a contrast, not as what is asked about. */
    contrast: z.object({ before: Words, after: Words }).strict().optional(),
    /** 「除了一般貸款，授權保證還有哪些項目」: a programme right after these words is left out of what is asked about. */
    excluding: Words.optional(),
    /** Requests the bot must decline (a promise of approval, someone else's data), each with its reply. */
    declines: z
      .record(z.string().regex(/^[a-z_]+$/, '代號只用小寫英文字母與底線'), z.object({ cues: Cues, reply: Word, rule_words: Words.optional(), decide_case: z.boolean().optional(), told_untrue: z.boolean().optional(), claim_asks: z.partialRecord(z.enum(ASK_EVIDENCE), Words).optional() }).strict())
      .default({}),
  })
  .strict();

const FactPath = z.string().regex(/^(?:flags\.)?[A-Za-z]+$/, '事實名稱如 age 或 flags.sme');

/** A guarantee a document names for a need without its figures: the section that names it and a sentence quoted from it. */
const MentionedGuarantee = z.object({ name: Word, document: Word, section: Word, quote: Word }).strict();

export const FinderFile = z
  .object({
    purposes: z.record(
      z.string().regex(/^[a-z_]+$/, '用途代號只用小寫英文字母與底線'),
      z
        .object({
          label: Word,
          cues: Cues,
          flags: z.partialRecord(z.enum(flagNames), z.boolean()).optional(),
          programmes: z.array(ProgrammeId),
          weighed_with: z.partialRecord(z.enum(flagNames), z.boolean()).optional(),
          mentioned: z.array(MentionedGuarantee).optional(),
          leads: z.boolean().optional(),
          /** The need says who applies (a large enterprise), not what the loan is for. */
          applicant: z.boolean().optional(),
        })
        .strict(),
    ),
    audience_programmes: z.array(ProgrammeId),
    audience: z.partialRecord(ProgrammeId, Word),
    plan_periods: z.partialRecord(ProgrammeId, Word),
    as_of_document: z.array(ProgrammeId).optional(),
    question_order: z.array(FactPath).min(1),
    need_question: z.object({ question: Word, quick_replies: Words }).strict(),
    quick_replies: z.record(FactPath, Words),
    how_to_apply: z.object({ cues: Cues, documents: Cues, lender_side: Cues, direct: Cues, where_said: Cues }).strict(),
  })
  .strict();

export const WordsFile = z
  .object({
    filler: Words,
    query_filler: Words,
    terms: Words,
    /** What follows the one who told something (朋友說, 襄理一直跟我講): the teller is not what is asked about. */
    told_by: Words.optional(),
    /** Words of not knowing (不知道, 不確定): a risk group said after them in the clause (「不知道是A B還是C組」) is not told. */
    not_known: Words.optional(),
    /** The right word → how users mistype it (手續費: [手續廢]); corrected before a message is read. */
    misspellings: z.record(Word, Words).default({}),
    /** What a short form stands for → the short forms (上市、上櫃: [上市櫃]); written out before a message is read. */
    abbreviations: z.record(Word, Words).default({}),
    /**
     * Variant forms of one character (異體字, Japanese forms an input method offers: 鳯 for 鳳, 靑 for 青, 専 for 專):
     * the character → its variants; each is read as the character, in messages and in searches.
     */
    variant_characters: z.record(z.string().length(1), z.array(z.string().length(1)).min(1)).default({}),
    /**
     * Characters typed for one another (注音 picks the wrong one of the same sound: 姑/菇, 克/科): a programme's name (three
     * characters or more) with one of them put for another is read as the name (火金菇 → 火金姑).
     */
    sound_alike: z.array(z.array(z.string().regex(/^\p{Script=Han}$/u, '每一組寫單一的中文字')).min(2)).default([]),
    /**
     * Years said relative to another (「前一年」 -1, 「隔年」 +1), by how many years they move: in a follow-up they move from
     * the one year the question before named (「111年新發生逾期率」 → 「那前一年呢」 is 110年).
     */
    relative_years: z.record(z.string().regex(/^[+-]?[1-9]$/u, '年數寫成 -1、+1、-2 這樣'), Words).default({}),
  })
  .strict()
  .superRefine((file, ctx) => {
    for (const [right, wrongs] of Object.entries(file.misspellings))
      for (const wrong of wrongs)
        if (wrong === right || right.includes(wrong))
          ctx.addIssue({ code: 'custom', path: ['misspellings', right], message: `「${wrong}」不是「${right}」的錯字` });
  });

/** An English phrase: lower-case words, spaces between them (a hyphen or no space is accepted when matched). */
const EnglishPhrase = z.string().regex(/^[a-z0-9&',][a-z0-9&', -]*$/, '英文說法只用小寫英文字母、數字與空白');
const EnglishPhrases = z.array(EnglishPhrase).min(1, '至少要有一個英文說法');

export const EnglishFile = z
  .object({ programmes: z.partialRecord(ProgrammeId, EnglishPhrases), words: z.record(Word, EnglishPhrases) })
  .strict();

export const ROLES = {
  amount: ['loanAmount', 'guaranteedAmount', 'annualRevenue', 'workingCapitalBalance', 'usedAmount', 'extraUsedAmount', 'summedUsedAmount', 'recoveredAmount', 'addedAmount', 'repaidAmount', 'donationAmount', 'fireflyTotal', 'batchAmount', 'recoveryNeed', 'ignore'],
  percent: ['statedRate', 'debtRatio', 'businessFinanceRatio', 'guaranteeRatio', 'ignore'],
  duration: ['businessAge', 'period', 'sinceDisaster', 'ignore'],
  date: ['approvalDate', 'loanStartDate', 'disasterDate', 'applicationDate', 'foundedDate', 'announcedDate', 'startDate', 'endDate', 'ignore'],
} as const;

const roleCues = <R extends readonly [string, ...string[]]>(roles: R) =>
  z.array(z.object({ role: z.enum(roles), cues: Cues, within: z.number().int().min(0).max(20).optional(), after_only: z.boolean().optional(), by_default: z.boolean().optional() }).strict()).min(1);

export const RolesFile = z
  .object({
    amount: roleCues(ROLES.amount),
    percent: roleCues(ROLES.percent),
    duration: roleCues(ROLES.duration),
    date: roleCues(ROLES.date),
    bounds: z.object({ under_before: Words, under_after: Words, over_before: Words, over_after: Words, before_day: Words.optional() }).strict(),
    /** 「最多保到多少 是1億嗎」: an amount offered as a guess of what is asked, between these words, is no fact of the case. */
    guess: z.object({ before: Words, after: Words, which_right: Cues.optional() }).strict().optional(),
    age_before: Words,
    age_not_after: Words,
    /**
     * 「借兩百五」: a number right after a borrowing word, with no unit, is an amount in 萬 said colloquially; words
     * such as 有, 已經 may stand between (「借款已經三百五」).
     */
    unit_omitted: z
      .object({ after: Words, between: Words.optional(), opening: z.boolean().optional(), standalone: z.boolean().optional(), unit: z.number().int().positive(), below: z.number().int().positive() })
      .strict()
      .optional(),
    balance_beside_revenue: Cues,
    /** 「餘額含這筆共700萬」: words before a balance saying it already counts the loan asked about. */
    balance_includes_loan: Words,
    /** 「受災」「颱風」: a message speaking of a disaster, in which a time said to have passed (role `sinceDisaster`) is since the disaster. */
    disaster_words: Words,
    /** 「其中3000萬是…額外額度」: words before an amount saying it is part of one told (part_of), and words after it naming the extra quota. */
    extra_quota_used: z.object({ part_of: Words, quota: Words }).strict().optional(),
    /** 「（已乘保證成數）」: the amount stated is the guaranteed amount, whatever it is called. */
    guaranteed_markers: Words.optional(),
    /** 「150w……不對 是1500w」: words after which a figure with no word of its own replaces the same kind of figure before. */
    corrections: Cues.optional(),
    /** 「最少要捐多少 這樣可以保多少」「只捐最低金額呢」: the 火金姑 donation is the lowest the rules allow. */
    donation_at_minimum: Cues.optional(),
    donation_at_standard: Cues.optional(),
    /** 「去年才開」「前年成立」: how many years ago a word says, read as the business's age with a founding word nearby. */
    years_ago: z
      .object({ words: z.record(Word, z.number().int().min(0).max(10)), cues: Cues, within: z.number().int().min(0).max(10) })
      .strict()
      .optional(),
  })
  .strict();

/** Every file of the registry, by name, with its schema. */
export const DOMAIN_FILES = {
  'programmes.yaml': ProgrammesFile,
  'facts.yaml': FactsFile,
  'asks.yaml': AsksFile,
  'intents.yaml': IntentsFile,
  'words.yaml': WordsFile,
  'finder.yaml': FinderFile,
  'english.yaml': EnglishFile,
  'roles.yaml': RolesFile,
} as const;
