import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { messagingApi } from '@line/bot-sdk';
import { LineApiError } from './errors.ts';
import { askPostbackData } from './postbacks.ts';

/**
 * The rich menu under the chat: four buttons, each asking the bot a question it answers well while the chat shows
 * the button's own words. Change a question here; change a label here and regenerate the image
 * (`npx tsx scripts/line-rich-menu-image.ts`), then run `npm run line:rich-menu`.
 */
export const RICH_MENU_BUTTONS = [
  { label: '手續費試算', question: '手續費試算' },
  // Until understanding can suggest programmes from a description, the eligibility questions start with the programme.
  { label: '我適合哪種保證', question: '我想知道能不能申請信保' },
  { label: '常見問題', question: '你能做什麼' },
  { label: '聯絡客服', question: '聯絡客服' },
] as const;

export const RICH_MENU_NAME = '信保智慧客服選單';
export const RICH_MENU_SIZE = { width: 2500, height: 843 } as const;
export const RICH_MENU_IMAGE = fileURLToPath(new URL('./rich-menu.png', import.meta.url));

export function richMenuDefinition() {
  const width = RICH_MENU_SIZE.width / RICH_MENU_BUTTONS.length;
  return {
    size: RICH_MENU_SIZE,
    selected: true,
    name: RICH_MENU_NAME,
    chatBarText: '選單',
    areas: RICH_MENU_BUTTONS.map((button, i) => ({
      bounds: { x: i * width, y: 0, width, height: RICH_MENU_SIZE.height },
      action: { type: 'postback' as const, label: button.label, data: askPostbackData(button.question), displayText: button.label },
    })),
  } satisfies messagingApi.RichMenuRequest;
}

export interface RichMenuApi {
  channelAccessToken: string;
  /** https://api.line.me and https://api-data.line.me unless given (tests give a fake). */
  apiBaseUrl?: string;
  dataApiBaseUrl?: string;
}

/**
 * Validates the menu, creates it, uploads its image, makes it every user's default, then deletes the menus this
 * command made before (same name), so running it again replaces the menu. Returns the new menu's id; a refusal
 * arrives as a LineApiError saying what LINE refused.
 */
export async function installRichMenu(api: RichMenuApi, imagePath = RICH_MENU_IMAGE): Promise<string> {
  // Read first: a missing image stops the command before anything is created.
  const image = new Blob([await readFile(imagePath)], { type: imagePath.endsWith('.png') ? 'image/png' : 'image/jpeg' });
  try {
    return await install(api, image);
  } catch (error) {
    throw LineApiError.from('rich_menu', error);
  }
}

async function install(api: RichMenuApi, image: Blob): Promise<string> {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: api.channelAccessToken,
    ...(api.apiBaseUrl ? { baseURL: api.apiBaseUrl } : {}),
  });
  const blobs = new messagingApi.MessagingApiBlobClient({
    channelAccessToken: api.channelAccessToken,
    ...(api.dataApiBaseUrl ? { baseURL: api.dataApiBaseUrl } : {}),
  });
  const menu = richMenuDefinition();
  await client.validateRichMenuObject(menu);
  const { richMenuId } = await client.createRichMenu(menu);
  await blobs.setRichMenuImage(richMenuId, image);
  await client.setDefaultRichMenu(richMenuId);
  const { richmenus } = await client.getRichMenuList();
  for (const earlier of richmenus.filter((m) => m.name === RICH_MENU_NAME && m.richMenuId !== richMenuId)) {
    await client.deleteRichMenu(earlier.richMenuId);
  }
  return richMenuId;
}
