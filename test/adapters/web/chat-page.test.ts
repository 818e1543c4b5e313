import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestBot } from '../../support/bot.ts';
import { recordingBot, startWebApp, type RunningWebApp } from './web-app.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = 'test-results/web-chat.png';
const FEE_QUESTION = '一般貸款500萬保8成B組一年手續費多少？';
const MOBILE = { width: 360, height: 740 };

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`Skipping the web chat browser test: ${CHROMIUM} does not exist (install the chromium package to run it).`);
}

/** Bot answers on screen, without the typing indicator or failure notices. */
const BOT_REPLY = 'article.message-bot';

describe.skipIf(!hasChromium)('the web chat page in Chromium at 360px', () => {
  let app: RunningWebApp;
  let bot: ReturnType<typeof recordingBot>;
  let browser: Browser;
  let page: Page;
  const outsideRequests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    bot = recordingBot(await createTestBot());
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
    const context = await browser.newContext({ viewport: MOBILE, locale: 'zh-TW', reducedMotion: 'reduce' });
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

  it('answers a fee question sent with Enter: the figure, a citation that expands, chips and feedback', async () => {
    const input = page.getByLabel('輸入您的問題');
    await input.fill(FEE_QUESTION);
    await input.press('Enter');

    const answer = page.locator(BOT_REPLY).filter({ hasText: '40,000' }).first();
    await answer.waitFor();
    expect(await input.inputValue()).toBe('');
    expect(await page.locator('.message-user').last().innerText()).toContain(FEE_QUESTION);

    // The sources are listed under the answer, so the text does not repeat them as a line.
    expect(await answer.locator('.reply-text').innerText()).not.toContain('資料來源：');
    const citation = answer.locator('details.citation').first();
    expect(await citation.getAttribute('open')).toBeNull();
    expect((await citation.locator('summary').innerText()).length).toBeGreaterThan(0);
    await citation.locator('summary').click();
    expect(await citation.getAttribute('open')).not.toBeNull();
    expect(await citation.locator('.citation-excerpt').isVisible()).toBe(true);

    expect(await answer.locator('button.chip').count()).toBeGreaterThan(0);
    expect(bot.turns.at(-1)).toMatchObject({ channel: 'web', event: { type: 'message', text: FEE_QUESTION } });
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
