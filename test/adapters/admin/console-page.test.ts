import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ADMIN_TOKEN, startConsoleServer, type ConsoleServer } from './console-server.ts';
import { loadKnowledge } from '../../../knowledge/load.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = 'test-results';
const UNANSWERED = '批次保證被停權的條件？';
const CARE_SECTION = '說明二（五）：不當利用批次保證之處理';
const FEE_SECTION = '說明三：代償上限計提率與保證手續費年費率';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the console browser test: ${CHROMIUM} does not exist (install the chromium package to run it).`);

describe.skipIf(!hasChromium)('the staff console in Chromium', () => {
  let app: ConsoleServer;
  let browser: Browser;
  let page: Page;
  const outsideRequests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    app = await startConsoleServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-TW', reducedMotion: 'reduce' });
    page = await context.newPage();
    page.on('request', (request) => {
      if (!request.url().startsWith(app.url) && !request.url().startsWith('data:')) outsideRequests.push(request.url());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('asks for the admin token in a password field, in Traditional Chinese, and shows nothing else', async () => {
    const [reply] = await app.ask(UNANSWERED);
    expect(reply?.kind).toBe('fallback');

    await page.goto(`${app.url}/admin`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant-TW');
    const token = page.getByLabel('管理金鑰');
    expect(await token.getAttribute('type')).toBe('password');
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('token');
    expect(await page.locator('#console').isHidden()).toBe(true);
    expect(await page.content()).not.toContain('批次保證被停權');
    await page.screenshot({ path: `${SCREENSHOTS}/admin-sign-in.png` });

    await token.fill('wrong-token-for-the-console');
    await token.press('Enter');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('管理金鑰不正確');
  });

  it('signs in and shows the question asked a moment before in the inbox, with where it might belong', async () => {
    await page.getByLabel('管理金鑰').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: '登入' }).click();
    const item = page.locator('article', { hasText: '批次保證被停權的條件' });
    await item.waitFor();
    expect(await item.locator('.meta').innerText()).toContain('未回答 1 次');
    expect(await item.locator('.meta').innerText()).toContain('管道：API');
    expect(await page.getByRole('link', { name: /收件匣/ }).getAttribute('aria-current')).toBe('page');
    expect(await item.getByLabel('回答它的章節').locator('option:checked').innerText()).toContain(CARE_SECTION);
    await page.screenshot({ path: `${SCREENSHOTS}/admin-inbox.png`, fullPage: true });
  });

  it('attaches it as an example question to a section, and the same question is then answered from that section', async () => {
    const item = page.locator('article', { hasText: '批次保證被停權的條件' });
    await item.getByLabel('回答它的章節').selectOption({ label: CARE_SECTION });
    await item.getByRole('button', { name: '加入為例題' }).click();
    await expect.poll(() => item.locator('.tag').innerText(), { timeout: 15_000 }).toContain(`已加入〈${CARE_SECTION}〉的例題`);
    expect(await page.getByRole('status').innerText()).toContain('已重新載入');
    await page.screenshot({ path: `${SCREENSHOTS}/admin-inbox-resolved.png`, fullPage: true });

    const [reply] = await app.ask(UNANSWERED);
    expect(reply?.kind).toBe('answer');
    expect(reply?.citations[0]?.section).toBe(CARE_SECTION);
  });

  it("shows the batch fee's two dated values with their sources on the rules page", async () => {
    await page.getByRole('link', { name: '規則與文件' }).click();
    const fee = page.locator('details[data-name="batch.fee_rate"]');
    await fee.locator('summary').click();
    const rows = fee.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).innerText()).toMatch(/2014-12-15\s+0\.35%\s+《修正「批次信用保證要點」函》〈說明三/);
    expect(await rows.nth(1).innerText()).toMatch(/2022-01-01\s+0\.3%\s+《財團法人中小企業信用保證基金民國111年年報》/);
    expect(await fee.getByRole('img').getAttribute('aria-label')).toContain('2014-12-15 起 0.35%；2022-01-01 起 0.3%');
    await fee.screenshot({ path: `${SCREENSHOTS}/admin-rules-batch-fee.png` });
  });

  it('previews a draft value from a future date beside the live answer', async () => {
    const fee = page.locator('details[data-name="batch.fee_rate"]');
    await fee.getByLabel('生效日', { exact: true }).fill('116/1/1');
    await fee.getByLabel('新的數值').fill('0.25');
    await fee.getByLabel('出處文件').selectOption('batch-guarantee-revision-2014');
    await fee.getByLabel('出處章節').selectOption(FEE_SECTION);
    await fee.getByRole('button', { name: '存成草稿並預覽' }).click();

    await expect.poll(() => page.locator('#draft-name').innerText(), { timeout: 15_000 }).toBe('batch/fee_rate.yaml');
    expect(await page.getByLabel('以哪一天的規定回答').inputValue()).toBe('2027-01-01');
    await page.getByLabel('以哪一天的規定回答').fill('2027-02-01');
    await page.getByLabel(/^問題/).fill('批保300萬保9成一年手續費？');
    await page.getByRole('button', { name: '預覽回答' }).click();

    const live = page.getByRole('region', { name: /^現行內容/ });
    const draft = page.getByRole('region', { name: '草稿 batch/fee_rate.yaml' });
    await draft.waitFor({ timeout: 15_000 });
    expect(await live.innerText()).toContain('3,000,000 × 90% × 0.3% × 12/12 = 8,100');
    expect(await draft.innerText()).toContain('3,000,000 × 90% × 0.25% × 12/12 = 6,750');
    expect(await draft.innerText()).toContain('參數 batch.fee_rate');
    await page.screenshot({ path: `${SCREENSHOTS}/admin-preview.png`, fullPage: true });
  });

  it('shows the last reload and the counts of the day on the status page', async () => {
    await page.getByRole('link', { name: '狀態' }).click();
    const body = page.locator('#status-body');
    await expect.poll(() => body.innerText()).toContain('已套用新版本');
    // The shipped documents' example questions, and the one attached above.
    const shipped = (await loadKnowledge('knowledge/documents')).sections.reduce((n, section) => n + (section.examples?.length ?? 0), 0);
    expect(await body.innerText()).toContain(`例題 ${shipped + 1} 則`);
    expect(await body.getByRole('img').getAttribute('aria-label')).toContain('每日提問');
    await page.screenshot({ path: `${SCREENSHOTS}/admin-status.png`, fullPage: true });
  });

  it('signs out, after which nothing about users is shown', async () => {
    await page.getByRole('button', { name: '登出' }).click();
    await page.getByLabel('管理金鑰').waitFor();
    expect(await page.locator('#console').isHidden()).toBe(true);
    const inbox = await page.evaluate(async () => (await fetch('/admin/api/inbox')).status);
    expect(inbox).toBe(401);
  });

  it('loads nothing from outside the server and throws no script errors', () => {
    expect(outsideRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
