import { createHash } from 'node:crypto';
import { createBot } from '../../bot/index.ts';
import type { Sources } from '../../bot/sources.ts';
import type { Reply } from '../../bot/types.ts';
import type { CheckIssue } from '../../knowledge/check-issue.ts';
import { buildSearchIndex } from '../../knowledge/search.ts';
import { validateSources, type LiveSources } from '../http/live-sources.ts';
import type { SourceChange, SourceEditor } from './source-editor.ts';

export interface PreviewAnswer {
  version: string;
  replies: Reply[];
}

export interface PreviewResult {
  asOf: string;
  live: PreviewAnswer;
  /** With a draft: its answer, or why it cannot answer (the draft does not pass the checks). */
  draft?: PreviewAnswer | { issues: CheckIssue[] };
}

/** Drafts built into sources recently, so asking several questions of one draft builds its index once. */
const KEPT_DRAFTS = 3;

/**
 * Asks a question as of any date, of the live knowledge and rules and of the same with a draft file in place,
 * with bots that remember nothing and record nothing (preview questions are not users' questions).
 */
export class Preview {
  private readonly drafts = new Map<string, Promise<{ ok: true; sources: Sources } | { ok: false; issues: CheckIssue[] }>>();

  constructor(
    private readonly sources: Pick<LiveSources, 'current'>,
    private readonly editor: Pick<SourceEditor, 'inCopy'>,
    private readonly domainDir: string | undefined,
  ) {}

  async ask(questions: string[], asOf: string, draft?: SourceChange): Promise<PreviewResult> {
    const live = this.sources.current();
    const result: PreviewResult = { asOf, live: { version: live.version, replies: await askAll(live, questions, asOf) } };
    if (!draft) return result;
    const built = await this.draftSources(live.version, draft);
    result.draft = built.ok ? { version: built.sources.version, replies: await askAll(built.sources, questions, asOf) } : { issues: built.issues };
    return result;
  }

  private draftSources(liveVersion: string, draft: SourceChange) {
    const key = createHash('sha256').update(`${liveVersion}\0${draft.folder}\0${draft.path}\0${draft.content}`).digest('hex').slice(0, 12);
    let built = this.drafts.get(key);
    if (!built) {
      built = this.build(key, draft);
      this.drafts.set(key, built);
      for (const old of this.drafts.keys()) if (this.drafts.size > KEPT_DRAFTS) this.drafts.delete(old);
      built.catch(() => this.drafts.delete(key));
    }
    return built;
  }

  private async build(key: string, draft: SourceChange) {
    const checked = await this.editor.inCopy([draft], (knowledgeDir, rulesDir) => validateSources(knowledgeDir, rulesDir, this.domainDir));
    if (!checked.ok) return { ok: false as const, issues: checked.issues.filter((issue) => issue.severity === 'error') };
    const sources: Sources = {
      knowledge: checked.knowledge,
      rules: checked.rules,
      index: await buildSearchIndex(checked.knowledge),
      ...(checked.domain ? { domain: checked.domain } : {}),
      version: `draft-${key}`,
    };
    return { ok: true as const, sources };
  }
}

/** One conversation: each question in turn (a follow-up sees the ones before it); the replies to the last. */
async function askAll(sources: Sources, questions: string[], asOf: string): Promise<Reply[]> {
  // Noon in Taipei, so the rules of that calendar day apply.
  const bot = createBot({ sources: () => sources, now: () => new Date(`${asOf}T12:00:00+08:00`) });
  let replies: Reply[] = [];
  for (const text of questions) replies = await bot.handle({ conversationId: 'console-preview', channel: 'api', event: { type: 'message', text } });
  return replies;
}
