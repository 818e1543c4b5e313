import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../knowledge/load.ts';
import { importDraft } from '../../../knowledge/import/index.ts';
import { minimalPdf } from '../../knowledge/import/minimal-pdf.ts';
import { ADMIN_TOKEN, startConsoleServer, type ConsoleServer } from './console-server.ts';

const UNANSWERED = '批次保證被停權的條件？';
const CARE_SECTION_ID = 'batch-guarantee-revision-2014#說明二（五）：不當利用批次保證之處理';
const BATCH_FEE_QUESTION = '批保300萬保9成一年手續費？';
const FEE_SECTION = '說明三：代償上限計提率與保證手續費年費率';

const ANNOUNCEMENT = minimalPdf([
  { text: '財團法人中小企業信用保證基金 函', size: 18 },
  { text: '發文日期：中華民國115年11月20日', size: 11 },
  { text: '發文字號：(115)保證規劃字第1150000123號', size: 11 },
  { text: '主旨：修正批次信用保證手續費年費率，自116年1月1日起實施，請查照。', size: 11 },
  { text: '說明：', size: 11 },
  { text: '一、批次信用保證之保證手續費年費率自116年1月1日起調整為 0.25%。', size: 11 },
]);

interface Session {
  cookie: string;
  csrfToken: string;
}

let app: ConsoleServer;
beforeAll(async () => {
  app = await startConsoleServer();
});
afterAll(() => app?.close());

async function signIn(token = ADMIN_TOKEN): Promise<Response> {
  return fetch(`${app.url}/admin/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
}

async function newSession(): Promise<Session> {
  const response = await signIn();
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken };
}

/** One signed-in staff member for the whole file: sign-in attempts are limited to 10 a minute. */
let shared: Promise<Session> | undefined;
function session(): Promise<Session> {
  shared ??= newSession();
  return shared;
}

async function call(who: Session, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/admin/api${path}`, {
    method,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (response.status === 204 ? undefined : await response.json()) as Record<string, any> };
}

describe('the console before sign-in', () => {
  it('serves the sign-in page with its own files and nothing about users', async () => {
    await app.ask(UNANSWERED);
    const page = await fetch(`${app.url}/admin`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toContain('<input id="token" name="token" type="password"');
    expect(html).not.toContain('批次保證被停權');
    for (const path of ['/inbox', '/status', '/rules', '/drafts']) {
      const response = await fetch(`${app.url}/admin/api${path}`);
      expect(response.status, path).toBe(401);
      expect(await response.text()).not.toContain('批次保證被停權');
    }
  });

  it('refuses a wrong token', async () => {
    const response = await signIn('not-the-admin-token-at-all');
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('a console session', () => {
  it('is an HttpOnly, SameSite=Strict cookie for /admin that expires', async () => {
    const response = await signIn();
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^smeg_admin=[^;]+; Path=\/admin; HttpOnly; SameSite=Strict; Max-Age=28800; Expires=/);
    expect(((await response.json()) as { csrfToken: string }).csrfToken.length).toBeGreaterThan(20);
  });

  it('refuses a change without the CSRF token, or from another site, and writes nothing', async () => {
    const who = await session();
    const before = readFileSync(join(app.fixture.knowledgeDir, 'batch-guarantee-revision-2014.md'), 'utf8');
    const attach = { question: UNANSWERED, sectionId: CARE_SECTION_ID };
    expect((await call({ ...who, csrfToken: '' }, 'POST', '/inbox/example', attach)).status).toBe(403);
    expect((await call(who, 'POST', '/inbox/example', attach, { origin: 'https://evil.example' })).status).toBe(403);
    expect(readFileSync(join(app.fixture.knowledgeDir, 'batch-guarantee-revision-2014.md'), 'utf8')).toBe(before);
  });

  it('ends when signed out', async () => {
    const who = await newSession();
    expect((await fetch(`${app.url}/admin/session`, { method: 'DELETE', headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken } })).status).toBe(204);
    expect((await call(who, 'GET', '/inbox')).status).toBe(401);
  });
});

describe('the inbox', () => {
  it('lists a question asked a moment before through the chat API, with where it might belong', async () => {
    const { body } = await call(await session(), 'GET', '/inbox');
    const item = body.items.find((candidate: { question: string }) => candidate.question.startsWith('批次保證被停權'));
    expect(item).toMatchObject({ unanswered: 1, channels: ['api'] });
    expect(item.suggestions.map((suggestion: { sectionId: string }) => suggestion.sectionId)).toContain(CARE_SECTION_ID);
  });

  it('lists requests for a person beside the questions', async () => {
    await app.ask('我要找真人');
    const { body } = await call(await session(), 'GET', '/inbox');
    expect(body.handoffs[0]).toMatchObject({ channel: 'api', question: '我要找真人' });
  });

  it('puts the most asked first when asked to, the latest first otherwise', async () => {
    await app.ask('青創貸款有沒有名額限制？');
    await app.ask('青創貸款有沒有名額限制');
    await app.ask('信保基金在日本有沒有分支機構？');
    const who = await session();
    const latest = await call(who, 'GET', '/inbox');
    const frequent = await call(who, 'GET', '/inbox?order=frequent');
    expect(latest.body.items[0].question).toMatch(/^信保基金在日本有沒有分支機構/);
    expect(frequent.body.items[0]).toMatchObject({ question: expect.stringMatching(/^青創貸款有沒有名額限制/), unanswered: 2 });
  });

  it('attaches it as an example of a section, through the checks and a reload, and the question is then answered from there', async () => {
    const who = await session();
    const { status, body } = await call(who, 'POST', '/inbox/example', { question: UNANSWERED, sectionId: CARE_SECTION_ID });
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, reload: { ok: true, changed: true } });
    expect(readFileSync(join(app.fixture.knowledgeDir, 'batch-guarantee-revision-2014.md'), 'utf8')).toContain(`> 例題：${UNANSWERED}`);

    const [reply] = await app.ask(UNANSWERED);
    expect(reply?.kind).toBe('answer');
    expect(reply?.citations[0]?.sectionId).toBe(CARE_SECTION_ID);

    const open = await call(who, 'GET', '/inbox');
    expect(open.body.items.some((item: { question: string }) => item.question.startsWith('批次保證被停權'))).toBe(false);
    const all = await call(who, 'GET', '/inbox?show=all');
    expect(all.body.items.find((item: { question: string }) => item.question.startsWith('批次保證被停權')).resolution).toMatchObject({ kind: 'example', sectionId: CARE_SECTION_ID });
  });

  it('marks a question out of scope in out-of-scope.yaml', async () => {
    await app.ask('信保基金的員工旅遊去哪裡？');
    const who = await session();
    const { status } = await call(who, 'POST', '/inbox/out-of-scope', { question: '信保基金的員工旅遊去哪裡？', note: '內部事務' });
    expect(status).toBe(200);
    expect(readFileSync(join(app.fixture.knowledgeDir, 'out-of-scope.yaml'), 'utf8')).toContain('question: 信保基金的員工旅遊去哪裡？');
    const all = await call(who, 'GET', '/inbox?show=all');
    expect(all.body.items.find((item: { question: string }) => item.question.startsWith('信保基金的員工旅遊')).resolution).toMatchObject({ kind: 'out_of_scope', note: '內部事務' });
  });

  it('refuses an example another section already has, naming the file and line, and writes nothing', async () => {
    const who = await session();
    const before = readFileSync(join(app.fixture.knowledgeDir, 'batch-guarantee-revision-2014.md'), 'utf8');
    const { status, body } = await call(who, 'POST', '/inbox/example', {
      question: `${UNANSWERED} `,
      sectionId: `batch-guarantee-revision-2014#${FEE_SECTION}`,
    });
    expect(status).toBe(422);
    // Named at the copy already under 說明二（五）, with the new place in the message.
    expect(body.issues[0]).toMatchObject({ severity: 'error' });
    expect(body.issues[0].file).toMatch(/batch-guarantee-revision-2014\.md$/);
    expect(body.issues[0].line).toBeGreaterThan(0);
    expect(body.issues[0].message).toMatch(/已寫在 .*batch-guarantee-revision-2014\.md:\d+/);
    expect(readFileSync(join(app.fixture.knowledgeDir, 'batch-guarantee-revision-2014.md'), 'utf8')).toBe(before);
  });
});

describe('rules, drafts and preview', () => {
  it('lists the batch fee with its two dated values and their references', async () => {
    const { body } = await call(await session(), 'GET', '/rules');
    const fee = body.parameters.find((parameter: { name: string }) => parameter.name === 'batch.fee_rate');
    expect(fee.values.map((value: { effectiveFrom: string; shown: string }) => [value.effectiveFrom, value.shown])).toEqual([
      ['2014-12-15', '0.35%'],
      ['2022-01-01', '0.3%'],
    ]);
    expect(fee.values[0].reference).toMatchObject({ section: FEE_SECTION, quote: '保證手續費年費率設定為 0.35%' });
    const batch = body.documents.find((document: { id: string }) => document.id === 'batch-guarantee-revision-2014');
    expect(batch).toMatchObject({ issued: '2014-11-05', effectiveFrom: '2014-12-15' });
    expect(batch.sections.length).toBeGreaterThan(5);
  });

  it('refuses a dated value 10 times its quote, with the file and line', async () => {
    const { status, body } = await call(await session(), 'POST', '/rules/dated-value', {
      parameter: 'batch.fee_rate',
      date: '2027-01-01',
      value: '2.5',
      document: 'batch-guarantee-revision-2014',
      section: FEE_SECTION,
      quote: '保證手續費年費率調整為 0.25%',
      publish: true,
    });
    expect(status).toBe(422);
    expect(body.issues[0]).toMatchObject({ file: expect.stringMatching(/batch\/fee_rate\.yaml$/), field: 'values.2027-01-01.value' });
    expect(body.issues[0].message).toContain('相差 10 倍：請改為 0.25');
    expect(readFileSync(join(app.fixture.rulesDir, 'batch/fee_rate.yaml'), 'utf8')).not.toContain('2027-01-01');
  });

  it('saves a future rate as a draft (a 民國 date converted) and previews it beside the live answer', async () => {
    const who = await session();
    const saved = await call(who, 'POST', '/rules/dated-value', {
      parameter: 'batch.fee_rate',
      date: '116/1/1',
      value: '0.25%',
      document: 'batch-guarantee-revision-2014',
      section: FEE_SECTION,
      publish: false,
    });
    expect(saved.body).toMatchObject({ published: false, date: '2027-01-01', fromRoc: true, draft: { path: 'batch/fee_rate.yaml' } });
    expect(readFileSync(join(app.fixture.rulesDir, 'batch/fee_rate.yaml'), 'utf8')).not.toContain('2027-01-01');
    expect(readFileSync(join(app.draftsDir, 'batch/fee_rate.yaml'), 'utf8')).toContain('2027-01-01:\n    value: 0.25');

    const { body } = await call(who, 'POST', '/preview', { questions: [BATCH_FEE_QUESTION], asOf: '2027-02-01', draft: saved.body.draft });
    expect(body.live.replies[0].text).toContain('3,000,000 × 90% × 0.3% × 12/12 = 8,100');
    expect(body.draft.replies[0].text).toContain('3,000,000 × 90% × 0.25% × 12/12 = 6,750');
    const before = await call(who, 'POST', '/preview', { questions: [BATCH_FEE_QUESTION], asOf: '2026-12-31', draft: saved.body.draft });
    expect(before.body.draft.replies[0].text).toContain('8,100');
  });

  it('publishes the draft: written, reloaded, and answered by the chat API; the draft is gone', async () => {
    const who = await session();
    const content = readFileSync(join(app.draftsDir, 'batch/fee_rate.yaml'), 'utf8');
    const { status, body } = await call(who, 'POST', '/drafts/publish', { path: 'batch/fee_rate.yaml', content });
    expect(status).toBe(200);
    expect(body.reload).toMatchObject({ ok: true, changed: true });
    expect(readFileSync(join(app.fixture.rulesDir, 'batch/fee_rate.yaml'), 'utf8')).toContain('2027-01-01');
    expect(existsSync(join(app.draftsDir, 'batch/fee_rate.yaml'))).toBe(false);
    const rules = await call(who, 'GET', '/rules');
    expect(rules.body.parameters.find((parameter: { name: string }) => parameter.name === 'batch.fee_rate').values).toHaveLength(3);
  });

  it('shows why a draft cannot answer instead of answering', async () => {
    const who = await session();
    const { body } = await call(who, 'POST', '/preview', {
      questions: [BATCH_FEE_QUESTION],
      asOf: '2027-02-01',
      draft: { path: 'batch/fee_rate.yaml', content: 'description: 費率\nunit: percent\nvalues:\n  2027-01-01:\n    value: 0.25\n' },
    });
    expect(body.live.replies.length).toBeGreaterThan(0);
    expect(body.draft.issues[0]).toMatchObject({ line: 4, field: 'values.2027-01-01.reference' });
  });

  it('previews and publishes a document imported from an announcement PDF', async () => {
    const who = await session();
    const imported = await importDraft(ANNOUNCEMENT, { fileName: 'batch-fee-2027.pdf', extension: '.pdf', importedOn: '2026-12-01' });
    const draft = { path: `${imported.id}.md`, content: imported.markdown };
    expect((await call(who, 'PUT', '/drafts/file', draft)).body.issues).toEqual([]);
    expect((await call(who, 'GET', '/drafts')).body.drafts).toEqual([expect.objectContaining({ path: 'batch-fee-2027.md', folder: 'knowledge' })]);

    const preview = await call(who, 'POST', '/preview', { questions: ['批次信用保證手續費年費率調整的公告字號是什麼？'], asOf: '2027-02-01', draft });
    expect(preview.body.draft.replies.length).toBeGreaterThan(0);
    expect(preview.body.draft.issues).toBeUndefined();

    const published = await call(who, 'POST', '/drafts/publish', draft);
    expect(published.body.reload).toMatchObject({ ok: true, changed: true });
    const rules = await call(who, 'GET', '/rules');
    expect(rules.body.documents.find((document: { id: string }) => document.id === 'batch-fee-2027')).toMatchObject({
      number: '(115)保證規劃字第1150000123號',
      issued: '2026-11-20',
      effectiveFrom: '2027-01-01',
    });
    expect((await call(who, 'GET', '/drafts')).body.drafts).toEqual([]);
  });

  it('refuses draft names that would leave their folder', async () => {
    const who = await session();
    for (const path of ['../../etc/passwd.md', '/tmp/x.yaml', 'batch/../../x.yaml', 'notes.txt', 'out-of-scope.yaml']) {
      expect((await call(who, 'PUT', '/drafts/file', { path, content: 'x' })).status, path).toBe(400);
    }
  });
});

describe('the status page', () => {
  it('shows the loaded version, the last reload and counts per day', async () => {
    const { body } = await call(await session(), 'GET', '/status');
    expect(body.version).toBe(app.server.sources.current().version);
    expect(body.lastReload).toMatchObject({ ok: true });
    expect(body.lastReload.reason).toMatch(/^console: /);
    // The shipped documents' example questions, and the one attached above.
    const shipped = (await loadKnowledge('knowledge/documents')).sections.reduce((n, section) => n + (section.examples?.length ?? 0), 0);
    expect(body.knowledge).toMatchObject({ documents: 6, examples: shipped + 1, outOfScope: 1 });
    expect(body.daily).toHaveLength(30);
    expect(body.daily.at(-1).questions).toBeGreaterThanOrEqual(3);
  });
});
