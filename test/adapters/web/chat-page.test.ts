import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { Bot } from '../../../bot/types.ts';
import { createTestBot } from '../../support/bot.ts';
import { recordingBot, startWebApp, type RunningWebApp } from './web-app.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = 'test-results/web-chat.png';
const FEE_QUESTION = '一般貸款500萬保8成B組一年手續費多少？';
const ELIGIBILITY_QUESTION = '我32歲，公司設立3年，可以申請青創嗎？';
const LOOKUP_QUESTION = '批次保證的保證成数是多少？';
const FINDER_QUESTION = '我們要開發新產品做研發，有什麼貸款？';
const MOBILE = { width: 360, height: 740 };
/** What a phone user sees of an answer before scrolling, and how long an answer may be. */
const FIRST_GLANCE_PX = 200;
const LONGEST_ANSWER_PX = 1.5 * MOBILE.height;

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`Skipping the web chat browser test: ${CHROMIUM} does not exist (install the chromium package to run it).`);
}

/** Bot answers on screen, without the typing indicator or failure notices. */
const BOT_REPLY = 'article.message-bot';

/** How far below the top of the answer its first mention of `text` is, in CSS pixels. */
function offsetOf(answer: Locator, text: string): Promise<number> {
  return answer.evaluate((node, wanted) => {
    const SHOW_TEXT = 4;
    const walker = node.ownerDocument.createTreeWalker(node, SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!t.textContent?.includes(wanted) || t.parentElement?.getClientRects().length === 0) continue;
      const range = node.ownerDocument.createRange();
      range.selectNodeContents(t);
      return range.getBoundingClientRect().top - node.getBoundingClientRect().top;
    }
    return Number.POSITIVE_INFINITY;
  }, text);
}

async function heightOf(answer: Locator): Promise<number> {
  return (await answer.boundingBox())?.height ?? Number.POSITIVE_INFINITY;
}

describe.skipIf(!hasChromium)('the web chat page in Chromium at 360px', () => {
  let app: RunningWebApp;
  let bot: ReturnType<typeof recordingBot>;
  /** The bot behind the server; replacing it is a restart that forgets every conversation. */
  let serverBot: Bot;
  let browser: Browser;
  let page: Page;
  const outsideRequests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    serverBot = await createTestBot();
    bot = recordingBot({ handle: (turn) => serverBot.handle(turn) });
    app = await startWebApp({ bot });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({
      viewport: MOBILE,
      locale: 'zh-TW',
      reducedMotion: 'reduce',
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    page = await context.newPage();
    page.on('request', (request) => {
      if (!request.url().startsWith(app.url) && !request.url().startsWith('data:')) outsideRequests.push(request.url());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().includes('/api/')) pageErrors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens in Traditional Chinese with the service name, example questions and a labelled input', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant-TW');
    await expect.poll(() => page.locator('header').innerText()).toContain('財團法人中小企業信用保證基金');
    expect(await page.locator('header').innerText()).toContain('智慧客服');
    expect(await page.locator('.examples button').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByLabel('輸入您的問題').count()).toBe(1);
    expect(await page.locator('[aria-live="polite"]').count()).toBe(1);
  });

  /** Sends a question with Enter and returns its answer, the first new bot reply. */
  async function ask(text: string): Promise<Locator> {
    const before = await page.locator(BOT_REPLY).count();
    const input = page.getByLabel('輸入您的問題');
    await input.fill(text);
    await input.press('Enter');
    await expect.poll(() => page.locator(BOT_REPLY).count()).toBeGreaterThan(before);
    return page.locator(BOT_REPLY).nth(before);
  }

  it('answers a fee question with the fee first, in its first 200 px, and within 1.5 screens', async () => {
    const answer = await ask(FEE_QUESTION);
    expect(await page.getByLabel('輸入您的問題').inputValue()).toBe('');
    expect(await page.locator('.message-user').last().innerText()).toContain(FEE_QUESTION);
    expect(await answer.locator('.reply-lead').innerText()).toContain('40,000');
    expect(await offsetOf(answer, '40,000')).toBeLessThan(FIRST_GLANCE_PX);
    expect(await heightOf(answer)).toBeLessThanOrEqual(LONGEST_ANSWER_PX);
    expect(await answer.locator('.reply-formula .formula').innerText()).toBe('5,000,000 × 80% × 1.00% × 12/12 = 40,000');
    expect(await answer.locator('button.chip').count()).toBeGreaterThan(0);
    mkdirSync('test-results', { recursive: true });
    await answer.screenshot({ path: 'test-results/web-chat-fee-answer.png' });
    expect(bot.turns.at(-1)).toMatchObject({ channel: 'web', event: { type: 'message', text: FEE_QUESTION } });
  });

  it('folds the inputs, notes and sources behind one disclosure; each source expands to the cited passage', async () => {
    const answer = page.locator(BOT_REPLY).filter({ hasText: '40,000' }).first();
    expect(await answer.innerText()).not.toContain('資料來源：');
    const details = answer.locator('details.reply-details');
    expect(await details.getAttribute('open')).toBeNull();
    expect(await details.locator('.card-inputs').isVisible()).toBe(false);
    await details.locator('summary').first().click();
    expect(await details.locator('.card-inputs').innerText()).toContain('5,000,000 元');
    expect(await details.locator('.detail-lines').innerText()).toContain('四捨五入');
    const citation = details.locator('details.citation').first();
    expect(await citation.getAttribute('open')).toBeNull();
    expect((await citation.locator('summary').innerText()).length).toBeGreaterThan(0);
    await citation.locator('summary').click();
    expect(await citation.getAttribute('open')).not.toBeNull();
    expect(await citation.locator('.citation-excerpt').isVisible()).toBe(true);
    await citation.locator('summary').click();
    await details.locator('summary').first().click();
  });

  it('copies the figures, the formula and a CSV row a spreadsheet reads as numbers', async () => {
    const answer = page.locator(BOT_REPLY).filter({ hasText: '40,000' }).first();
    await answer.getByRole('button', { name: '複製數字' }).click();
    await expect.poll(() => answer.locator('.copy-status').innerText()).toContain('已複製');
    const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
    expect(copied.split('\n')).toEqual([
      '一般貸款 保證手續費試算：保證手續費 40,000 元',
      '5,000,000 × 80% × 1.00% × 12/12 = 40,000',
      '保證項目,貸款金額（元）,保證成數,年費率,保證期間（個月）,保證手續費（元）',
      '一般貸款,5000000,80%,1.00%,12,40000',
    ]);
  });

  it('sends a quick-reply chip as the next message and shows a new bot reply', async () => {
    const repliesBefore = await page.locator(BOT_REPLY).count();
    const chip = page.locator(`${BOT_REPLY} button.chip`).first();
    const chipText = await chip.innerText();
    await chip.click();
    await expect.poll(() => page.locator(BOT_REPLY).count()).toBeGreaterThan(repliesBefore);
    expect(await page.locator('.message-user').last().innerText()).toContain(chipText);
    expect(bot.turns.at(-1)?.event).toEqual({ type: 'message', text: chipText });
  });

  it('sends 👍 on an answer as feedback and acknowledges it', async () => {
    const answer = page.locator(BOT_REPLY).filter({ has: page.locator('.feedback') }).first();
    await answer.getByRole('button', { name: '這個回答有幫助' }).click();
    await expect.poll(() => answer.locator('.feedback-status').innerText()).not.toMatch(/^(送出中…)?$/);
    expect(await answer.getByRole('button', { name: '這個回答有幫助' }).getAttribute('aria-pressed')).toBe('true');
    expect(bot.turns.at(-1)).toMatchObject({ channel: 'web', event: { type: 'feedback', rating: 'up' } });
  });

  it('shows the conversation again after a reload and goes on with it: a follow-up continues the calculation', async () => {
    const conversationId = bot.turns.at(-1)!.conversationId;
    const conversationShown = () => page.locator('.message-user, .reply-lead, .reply-body, .reply-text, .chip').allInnerTexts();
    const shown = await conversationShown();
    expect(shown.length).toBeGreaterThan(4);
    await page.reload();
    await expect.poll(conversationShown).toEqual(shown);
    // 👍 given before the reload is still shown as given.
    const rated = page.locator(BOT_REPLY).filter({ has: page.locator('.feedback') }).first();
    expect(await rated.getByRole('button', { name: '這個回答有幫助' }).getAttribute('aria-pressed')).toBe('true');

    const answer = await ask('保7成呢？');
    expect(await answer.locator('.reply-lead').innerText()).toContain('70,000');
    expect(bot.turns.at(-1)).toMatchObject({ conversationId, turnsShown: 2 });
  });

  it('says so when the server has lost the conversation, instead of answering a follow-up out of context', async () => {
    serverBot = await createTestBot();
    await page.reload();
    const answer = await ask('換成1年呢？');
    const text = await answer.innerText();
    expect(text).toContain('沒有我們先前的對話');
    expect(text).toContain('完整的問題');
    expect(text).not.toContain('保證手續費：');

    const whole = await ask(FEE_QUESTION);
    expect(await whole.locator('.reply-lead').innerText()).toContain('40,000');
  });

  it('puts a newline on Shift+Enter instead of sending', async () => {
    const input = page.getByLabel('輸入您的問題');
    const turnsBefore = bot.turns.length;
    await input.fill('第一行');
    await input.press('Shift+Enter');
    await input.pressSequentially('第二行');
    expect(await input.inputValue()).toBe('第一行\n第二行');
    expect(bot.turns.length).toBe(turnsBefore);
    await input.fill('');
  });

  it('shows what the user typed as text, never as markup', async () => {
    const input = page.getByLabel('輸入您的問題');
    const repliesBefore = await page.locator(BOT_REPLY).count();
    await input.fill('<img src=x id=injected> 手續費？');
    await input.press('Enter');
    await expect.poll(() => page.locator(BOT_REPLY).count()).toBeGreaterThan(repliesBefore);
    expect(await page.locator('#injected').count()).toBe(0);
    expect(await page.locator('.message-user').last().innerText()).toContain('<img src=x id=injected>');
  });

  it('keeps an eligibility and a lookup answer within 1.5 screens, the verdict and the figure in their first 200 px', async () => {
    const eligibility = await ask(ELIGIBILITY_QUESTION);
    expect(await offsetOf(eligibility, '符合條件')).toBeLessThan(FIRST_GLANCE_PX);
    expect(await heightOf(eligibility)).toBeLessThanOrEqual(LONGEST_ANSWER_PX);
    const lookup = await ask(LOOKUP_QUESTION);
    expect(await lookup.locator('.reply-lead').innerText()).toContain('9成');
    expect(await offsetOf(lookup, '9成')).toBeLessThan(FIRST_GLANCE_PX);
    expect(await heightOf(lookup)).toBeLessThanOrEqual(LONGEST_ANSWER_PX);
    // The ratio's history is there, folded, with each date once and in the 民國 form.
    const history = await lookup.locator('.detail-lines').textContent();
    expect(history).toContain('民國92年1月1日至103年12月14日');
    expect(history).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('shows the finder\'s programmes as one card each, figures first, without repeating them as text; saves a screenshot', async () => {
    const answer = await ask(FINDER_QUESTION);
    const cards = answer.locator('.programme-card');
    const lines = await answer.locator('.reply-body').allInnerTexts();
    expect(await cards.count()).toBeGreaterThanOrEqual(2);
    const research = cards.filter({ hasText: '促進產業研究發展貸款' });
    expect(await research.locator('.programme-figures').innerText()).toMatch(/保證成數最高\s+9成（90%）\s+保證手續費\s+年費率/);
    expect(await research.innerText()).toContain('為什麼適合');
    expect(lines.join('\n')).not.toContain('促進產業研究發展貸款｜');
    expect(await offsetOf(answer, '保證成數最高')).toBeLessThan(FIRST_GLANCE_PX);
    mkdirSync('test-results', { recursive: true });
    await answer.screenshot({ path: 'test-results/web-chat-programme-cards.png' });
  });

  it('hands a person who asks for one the service lines as tel: links', async () => {
    const answer = await ask('可以跟真人說話嗎？');
    expect(await answer.getAttribute('data-kind')).toBe('handoff');
    const call = answer.locator('a[href="tel:0800089921"]');
    expect(await call.innerText()).toBe('0800-089-921');
    expect(await call.isVisible()).toBe(true);
    expect(await answer.locator('a[href^="https://"]').getAttribute('rel')).toContain('noopener');
  });

  it('labels an answer to an English question in English, figures and formula unchanged', async () => {
    const answer = await ask('What is the guarantee fee for a general loan of 5 million, 80% guaranteed, risk group B, one year?');
    expect(await answer.locator('.reply-lead').innerText()).toContain('Guarantee fee: NT$ 40,000');
    expect(await answer.locator('.reply-formula .formula').innerText()).toBe('5,000,000 × 80% × 1.00% × 12/12 = 40,000');
    expect(await answer.getByRole('button', { name: 'Copy figures' }).count()).toBe(1);
    expect(await answer.locator('.reply-details summary').first().innerText()).toBe('Calculation details and sources');
  });

  it('fits 360px: no horizontal scrolling, the header stays in view; saves a screenshot', async () => {
    await page.locator('.message-user').first().evaluate((question) => question.scrollIntoView({ block: 'start' }));
    const overflowOf = (selector: string) =>
      page.locator(selector).evaluateAll((elements) => Math.max(0, ...elements.map((e) => e.scrollWidth - e.clientWidth)));
    const overflow = { page: await overflowOf('html'), chat: await overflowOf('.chat, .conversation, .bubble') };
    expect(overflow).toEqual({ page: 0, chat: 0 });
    const pageScroll = await page.locator('html').evaluate((html) => ({ x: html.scrollLeft, y: html.scrollTop }));
    expect(pageScroll).toEqual({ x: 0, y: 0 });
    expect((await page.locator('header').boundingBox())?.y).toBe(0);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('reports a failed request politely and lets the user retry', async () => {
    await page.route('**/api/chat', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal_error', message: 'x' } }) }),
    );
    const input = page.getByLabel('輸入您的問題');
    await input.fill(FEE_QUESTION);
    await input.press('Enter');
    const failure = page.locator('[data-kind="failure"]');
    await failure.waitFor();
    expect(await failure.innerText()).toContain('抱歉');

    await page.unroute('**/api/chat');
    const repliesBefore = await page.locator(BOT_REPLY).count();
    await failure.getByRole('button', { name: '重試' }).click();
    await expect.poll(() => page.locator(BOT_REPLY).count()).toBeGreaterThan(repliesBefore);
    expect(await failure.count()).toBe(0);
  });

  it('counts the conversation from zero again after 「重新開始」 is typed, so nothing is called lost', async () => {
    await ask('重新開始');
    const answer = await ask(FEE_QUESTION);
    expect(bot.turns.at(-1)).toMatchObject({ turnsShown: 0 });
    expect(await answer.innerText()).not.toContain('先前的對話');
  });

  it('starts a new conversation on 重新開始, with a new id and the example questions back', async () => {
    const storedIds = async () => (await page.evaluate('Object.values(sessionStorage)')) as string[];
    const before = await storedIds();
    await page.locator('header').getByRole('button', { name: '重新開始' }).click();
    expect(await page.locator(BOT_REPLY).count()).toBe(0);
    expect(await page.locator('.examples').isVisible()).toBe(true);
    const after = await storedIds();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(after).not.toEqual(before);

    await page.locator('.examples button').first().click();
    await page.locator(BOT_REPLY).first().waitFor();
    expect(bot.turns.at(-1)?.conversationId).toBe(after[0]);
  });

  it('loads every file from the server itself, without script errors', () => {
    expect(outsideRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
