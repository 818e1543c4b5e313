/**
 * `npm run line:rich-menu [-- --image path.png]`: creates the LINE rich menu defined in adapters/line/rich-menu.ts,
 * uploads its image and sets it as every user's default, replacing the one this command set before.
 * Needs LINE_CHANNEL_ACCESS_TOKEN; LINE_API_BASE_URL and LINE_API_DATA_BASE_URL point it elsewhere (tests).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { installRichMenu, RICH_MENU_IMAGE } from '../adapters/line/rich-menu.ts';

const Env = z.object({
  LINE_CHANNEL_ACCESS_TOKEN: z.string({ error: 'is required (Messaging API tab of the LINE Developers console)' }).min(1),
  LINE_API_BASE_URL: z.url().optional(),
  LINE_API_DATA_BASE_URL: z.url().optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { image: { type: 'string' } } });
  const env = Env.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== '')));
  if (!env.success) {
    for (const issue of env.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
    process.exitCode = 1;
    return;
  }
  const { LINE_CHANNEL_ACCESS_TOKEN, LINE_API_BASE_URL, LINE_API_DATA_BASE_URL } = env.data;
  const richMenuId = await installRichMenu(
    {
      channelAccessToken: LINE_CHANNEL_ACCESS_TOKEN,
      ...(LINE_API_BASE_URL ? { apiBaseUrl: LINE_API_BASE_URL } : {}),
      ...(LINE_API_DATA_BASE_URL ? { dataApiBaseUrl: LINE_API_DATA_BASE_URL } : {}),
    },
    values.image ?? RICH_MENU_IMAGE,
  );
  console.log(`Rich menu ${richMenuId} is now every user's default.`);
}

main().catch((error: unknown) => {
  // A LineApiError says what LINE refused (an area outside the image, a label too long, an image of the wrong size).
  console.error(`Could not set the rich menu: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
