import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askPostbackData } from '../../../adapters/line/postbacks.ts';
import { RICH_MENU_BUTTONS, RICH_MENU_NAME, richMenuDefinition } from '../../../adapters/line/rich-menu.ts';
import { richMenuProblems } from './fake-rich-menus.ts';
import { startFakeLineApi, type FakeLineApi } from './fake-line-api.ts';

const run = promisify(execFile);
const TOKEN = 'test-channel-access-token';
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

let lineApi: FakeLineApi;

beforeAll(async () => {
  lineApi = await startFakeLineApi();
});

afterAll(() => lineApi?.close());

/** `npm run line:rich-menu` as an operator runs it, against the fake LINE API (which serves api-data too). */
function richMenuCommand(env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', 'scripts/line-rich-menu.ts'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 60_000,
  });
}

describe('the rich menu definition', () => {
  it('has the four buttons the fund asked for, side by side over the whole image', () => {
    const menu = richMenuDefinition();
    expect(menu.areas.map((a) => a.action.label)).toEqual(['手續費試算', '我適合哪種保證', '常見問題', '聯絡客服']);
    expect(menu.areas.reduce((width, a) => width + a.bounds.width, 0)).toBe(menu.size.width);
    expect(richMenuProblems(menu)).toEqual([]);
  });

  it('asks with each button a question the bot answers, showing the button’s label in the chat', () => {
    for (const [i, area] of richMenuDefinition().areas.entries()) {
      expect(area.action).toEqual({
        type: 'postback',
        label: RICH_MENU_BUTTONS[i]!.label,
        data: askPostbackData(RICH_MENU_BUTTONS[i]!.question),
        displayText: RICH_MENU_BUTTONS[i]!.label,
      });
    }
  });
});

describe('npm run line:rich-menu', () => {
  const env = () => ({ LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: lineApi.url, LINE_API_DATA_BASE_URL: lineApi.url });

  it('validates the menu, creates it, uploads its 2500×843 image and makes it every user’s default', async () => {
    const { stdout } = await richMenuCommand(env());
    const [id] = lineApi.richMenus.menus.keys();
    expect(stdout).toContain(`Rich menu ${id} is now every user's default.`);
    expect(lineApi.calls.map((c) => `${c.method} ${c.path.replace(id!, '{id}')} ${c.status}`)).toEqual([
      'POST /v2/bot/richmenu/validate 200',
      'POST /v2/bot/richmenu 200',
      'POST /v2/bot/richmenu/{id}/content 200',
      'POST /v2/bot/user/all/richmenu/{id} 200',
      'GET /v2/bot/richmenu/list 200',
    ]);
    expect(lineApi.calls.every((c) => c.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(lineApi.richMenus.defaultId).toBe(id);
    expect(lineApi.richMenus.menus.get(id!)).toMatchObject({
      menu: { name: RICH_MENU_NAME, chatBarText: '選單' },
      image: { contentType: 'image/png', width: 2500, height: 843 },
    });
    expect(lineApi.richMenus.menus.get(id!)!.image!.bytes).toBeLessThanOrEqual(1024 * 1024);
  });

  it('replaces the menu it set before when run again', async () => {
    const [first] = lineApi.richMenus.menus.keys();
    await richMenuCommand(env());
    const ids = [...lineApi.richMenus.menus.keys()];
    expect(ids).toHaveLength(1);
    expect(ids[0]).not.toBe(first);
    expect(lineApi.richMenus.defaultId).toBe(ids[0]);
  });

  it('names the missing access token and exits with an error', async () => {
    const failed = await richMenuCommand({}).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('LINE_CHANNEL_ACCESS_TOKEN');
  });

  it('says what LINE refused: here an image of the wrong size', async () => {
    const image = path.join(mkdtempSync(path.join(tmpdir(), 'rich-menu-')), 'one-pixel.png');
    writeFileSync(image, Buffer.from(ONE_PIXEL_PNG, 'base64'));
    const failed = await run(process.execPath, ['--import', 'tsx', 'scripts/line-rich-menu.ts', '--image', image], {
      env: { PATH: process.env.PATH ?? '', ...env() },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/^Could not set the rich menu: LINE rich_menu call failed with 400: The image size does not match the rich menu size$/m);
  });
});
