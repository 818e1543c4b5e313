import express, { Router } from 'express';
import helmet from 'helmet';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { z } from 'zod';
import { taipeiDate } from '../../bot/index.ts';
import { withExampleQuestion } from '../../knowledge/example-questions.ts';
import { parseKnowledgeFile } from '../../knowledge/parse.ts';
import { OUT_OF_SCOPE_FILE, withOutOfScopeQuestion } from '../../knowledge/out-of-scope.ts';
import type { HandoffRequest, InteractionCounts } from '../http/interaction-store.ts';
import type { DailyCount, InboxRow } from '../http/interaction-inbox.ts';
import type { LiveSources } from '../http/live-sources.ts';
import { TokenBucketRateLimiter } from '../http/rate-limiter.ts';
import { effectiveDate, valueFromInput, withDatedValue } from './dated-value.ts';
import { DraftFiles } from './drafts.ts';
import { ConsoleRequestError, consoleErrorMapper } from './errors.ts';
import { inboxItems } from './inbox.ts';
import { Preview } from './preview.ts';
import { rulesView } from './rules-view.ts';
import { AdminSessions, clearSessionCookie, requireCsrf, requireSession, sessionCookie, setSessionCookie } from './session.ts';
import { SourceEditor } from './source-editor.ts';
import { draftTarget, shownPath, sourceFileOf, type SourceFolders } from './source-paths.ts';

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

export interface AdminConsoleDeps extends SourceFolders {
  /** ADMIN_TOKEN: what staff type to sign in. Without it the console is off (the admin routes answer 404). */
  token: string | undefined;
  sources: LiveSources;
  /** The interaction store (SQLite, or PostgreSQL shared by every instance). */
  interactions?: {
    counts(): Promise<InteractionCounts>;
    inbox(limit?: number): Promise<InboxRow[]>;
    dailyCounts(today: string, days?: number): Promise<DailyCount[]>;
    /** Requests for a person (「找真人」), newest first. */
    handoffs?(limit?: number): Promise<HandoffRequest[]>;
  };
  logger: Logger;
  now?: () => Date;
}

/** The page loads only its own files; nothing may frame it, and it is never cached or indexed. */
const pageHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
});
const apiHeaders = helmet({ contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } });

const SignIn = z.strictObject({ token: z.string().min(1).max(1000) });
const Question = z.string().trim().min(1, { error: '問題不可為空白' }).max(500, { error: '問題太長（最多 500 字）' });
const AttachExample = z.strictObject({ question: Question, sectionId: z.string().min(1) });
const MarkOutOfScope = z.strictObject({ question: Question, note: z.string().trim().max(200).optional() });
const AddDatedValue = z.strictObject({
  parameter: z.string().min(1),
  date: z.string().min(1, { error: '請填生效日' }),
  value: z.string().min(1, { error: '請填數值' }),
  document: z.string().min(1, { error: '請選出處文件' }),
  section: z.string().min(1, { error: '請選出處章節' }),
  quote: z.string().trim().max(500).optional(),
  note: z.string().trim().max(500).optional(),
  publish: z.boolean(),
});
const DraftPath = z.string().min(1).max(300);
const SaveDraft = z.strictObject({ path: DraftPath, content: z.string().max(2_000_000) });
const AskPreview = z.strictObject({
  questions: z.array(Question).min(1).max(10),
  asOf: z.string().min(1),
  draft: SaveDraft.optional(),
});

/**
 * The fund-staff console at /admin: a page served with its own files, and a JSON API behind a signed-in session
 * (HttpOnly, SameSite=Strict, expiring cookie; a CSRF token on every change). Nothing about users is served
 * before sign-in.
 */
export function createAdminConsoleRouter(deps: AdminConsoleDeps): Router {
  const router = Router();
  const { token, logger } = deps;
  if (token === undefined) return router;
  const now = deps.now ?? (() => new Date());
  const today = () => taipeiDate(now());
  const sessions = new AdminSessions(token, now);
  const signInAttempts = new TokenBucketRateLimiter({ perMinute: 10 });
  const editor = new SourceEditor(deps, deps.sources, logger);
  const drafts = new DraftFiles(deps);
  const preview = new Preview(deps.sources, editor, deps.domainDir);
  const json = express.json({ limit: '2mb' });

  router.get(['/admin', '/admin/'], pageHeaders, (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile('index.html', { root: PUBLIC_DIR });
  });
  router.use('/admin/assets', pageHeaders, express.static(PUBLIC_DIR, { index: false, fallthrough: false }));

  router.use(['/admin/session', '/admin/api'], apiHeaders, (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.post('/admin/session', json, async (req, res) => {
    const attempt = await signInAttempts.consume(`ip:${req.ip ?? 'unknown'}`);
    if (!attempt.allowed) {
      res.status(429).json({ error: { code: 'rate_limited', message: '登入嘗試太頻繁，請一分鐘後再試' } });
      return;
    }
    const parsed = SignIn.safeParse(req.body);
    const session = parsed.success ? sessions.signIn(parsed.data.token) : undefined;
    if (!session) {
      logger.warn({ ip: req.ip }, 'console sign-in refused');
      res.status(401).json({ error: { code: 'wrong_token', message: '管理金鑰不正確，請再確認（區分大小寫）' } });
      return;
    }
    logger.info({ ip: req.ip }, 'console sign-in');
    setSessionCookie(req, res, session.cookie, session.expiresAt);
    res.json({ csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() });
  });
  router.get('/admin/session', requireSession(sessions), (_req, res) => {
    const session = res.locals.session as { csrfToken: string; expiresAt: Date };
    res.json({ csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() });
  });
  router.delete('/admin/session', requireSession(sessions), requireCsrf(sessions), (req, res) => {
    sessions.signOut(sessionCookie(req));
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  const api = Router();
  router.use('/admin/api', requireSession(sessions), requireCsrf(sessions), json, api);

  api.get('/inbox', async (req, res) => {
    const order = req.query.order === 'frequent' ? 'frequent' : 'recent';
    const rows = (await deps.interactions?.inbox()) ?? [];
    const handoffs = (await deps.interactions?.handoffs?.(50)) ?? [];
    const items = inboxItems(rows, deps.sources.current(), today(), order);
    res.json({
      items: req.query.show === 'all' ? items : items.filter((item) => !item.resolution),
      open: items.filter((item) => !item.resolution).length,
      all: items.length,
      handoffs: handoffs.map(({ at, channel, question }) => ({ at, channel, question })),
    });
  });

  api.post('/inbox/example', async (req, res) => {
    const { question, sectionId } = parse(AttachExample, req.body);
    const section = deps.sources.current().knowledge.sections.find((candidate) => candidate.id === sectionId);
    const document = deps.sources.current().knowledge.documents.find((candidate) => candidate.meta.id === section?.documentId);
    if (!section || !document) throw new ConsoleRequestError(404, '找不到這個章節：文件可能剛改過，請重新整理後再選一次');
    const file = sourceFileOf(deps, 'knowledge', document.file);
    const applied = await editor.apply(`example question for ${section.id}`, async () => {
      // Found again in the file as it is now, in case it changed since the page was loaded.
      const content = (await editor.read(file)) ?? '';
      const parsed = parseKnowledgeFile(shownPath(deps, file), content);
      const line = parsed.ok ? parsed.document.sections.find((candidate) => samePath(candidate.headingPath, section.headingPath))?.line : undefined;
      if (line === undefined) throw new ConsoleRequestError(409, `〈${section.heading}〉已不在 ${shownPath(deps, file)}：請重新整理後再選`);
      return [{ ...file, content: withExampleQuestion(content, line, question) }];
    });
    res.json({ ok: applied.reload.ok, reload: applied.reload, file: shownPath(deps, file), section: section.heading });
  });

  api.post('/inbox/out-of-scope', async (req, res) => {
    const { question, note } = parse(MarkOutOfScope, req.body);
    const file = { folder: 'knowledge' as const, path: OUT_OF_SCOPE_FILE };
    const applied = await editor.apply('question marked out of scope', async () => [
      { ...file, content: withOutOfScopeQuestion(await editor.read(file), { question, marked: today(), ...(note ? { note } : {}) }) },
    ]);
    res.json({ ok: applied.reload.ok, reload: applied.reload, file: shownPath(deps, file) });
  });

  api.get('/rules', (_req, res) => {
    res.json(rulesView(deps.sources.current(), today()));
  });

  api.post('/rules/dated-value', async (req, res) => {
    const input = parse(AddDatedValue, req.body);
    const current = deps.sources.current();
    const parameter = current.rules.parameters.get(input.parameter);
    if (!parameter) throw new ConsoleRequestError(404, `找不到參數 ${input.parameter}`);
    const document = current.knowledge.documents.find((candidate) => candidate.meta.id === input.document);
    if (!document) throw new ConsoleRequestError(400, `找不到文件 ${input.document}：出處文件要先發布（可用 npm run knowledge:import 匯入公告）`);
    const { date, fromRoc } = effectiveDate(input.date);
    const entry = {
      date,
      value: valueFromInput(parameter.unit, input.value),
      reference: { document: document.meta.id, title: document.meta.title, section: input.section, ...(input.quote ? { quote: input.quote } : {}) },
      ...(input.note ? { note: input.note } : {}),
    };
    const file = sourceFileOf(deps, 'rules', parameter.file);
    const draftPath = file.path;
    if (input.publish) {
      const applied = await editor.apply(`dated value ${date} for ${parameter.name}`, async () => [
        { ...file, content: withDatedValue((await editor.read(file)) ?? '', entry) },
      ]);
      await drafts.remove(draftPath);
      res.json({ published: true, date, fromRoc, reload: applied.reload, warnings: applied.warnings });
      return;
    }
    // A draft builds on the parameter's existing draft, if any, so several new dates can be tried together.
    const base = (await drafts.read(draftPath)) ?? (await editor.read(file)) ?? '';
    const content = withDatedValue(base, entry);
    await drafts.write(draftPath, content);
    const checked = await editor.check([{ ...file, content }]);
    res.json({ published: false, date, fromRoc, draft: { path: draftPath, content }, issues: checked.issues });
  });

  api.get('/drafts', async (_req, res) => {
    res.json({ drafts: await drafts.list() });
  });

  api.get('/drafts/file', async (req, res) => {
    const path = parse(DraftPath, req.query.path);
    const content = await drafts.read(path);
    if (content === undefined) throw new ConsoleRequestError(404, `草稿 ${path} 不存在`);
    res.json({ path, content });
  });

  api.put('/drafts/file', async (req, res) => {
    const { path, content } = parse(SaveDraft, req.body);
    const target = draftTarget(path);
    await drafts.write(path, content);
    const checked = await editor.check([{ ...target, content }]);
    res.json({ path, issues: checked.issues });
  });

  api.delete('/drafts/file', async (req, res) => {
    await drafts.remove(parse(DraftPath, req.query.path));
    res.status(204).end();
  });

  api.post('/drafts/publish', async (req, res) => {
    const { path, content } = parse(SaveDraft, req.body);
    const target = draftTarget(path);
    const applied = await editor.apply(`draft ${path} published`, async () => [{ ...target, content }]);
    await drafts.remove(path);
    res.json({ ok: applied.reload.ok, reload: applied.reload, warnings: applied.warnings, file: shownPath(deps, target) });
  });

  api.get('/sources/file', async (req, res) => {
    const path = parse(DraftPath, req.query.path);
    const content = await editor.read(draftTarget(path));
    if (content === undefined) throw new ConsoleRequestError(404, `${path} 尚未發布`);
    res.json({ path, content });
  });

  api.post('/preview', async (req, res) => {
    const input = parse(AskPreview, req.body);
    const { date } = effectiveDate(input.asOf);
    const draft = input.draft ? { ...draftTarget(input.draft.path), content: input.draft.content } : undefined;
    res.json(await preview.ask(input.questions, date, draft));
  });

  api.get('/status', async (_req, res) => {
    const current = deps.sources.current();
    const sections = current.knowledge.sections;
    res.json({
      ...deps.sources.status(),
      today: today(),
      knowledge: {
        documents: current.knowledge.documents.length,
        sections: sections.length,
        examples: sections.reduce((count, section) => count + (section.examples?.length ?? 0), 0),
        outOfScope: current.knowledge.outOfScope?.length ?? 0,
        parameters: current.rules.parameters.size,
      },
      drafts: (await drafts.list()).length,
      interactions: await deps.interactions?.counts(),
      daily: (await deps.interactions?.dailyCounts(today(), 30)) ?? [],
    });
  });

  router.use(['/admin/session', '/admin/api'], consoleErrorMapper(logger));
  return router;
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ConsoleRequestError(400, issue ? `${issue.path.join('.') || '內容'}：${issue.message}` : '請求內容不正確');
}

function samePath(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((heading, index) => heading === b[index]);
}
