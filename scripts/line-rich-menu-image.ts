/**
 * Draws adapters/line/rich-menu.png, the image of the LINE rich menu, from the button labels in
 * adapters/line/rich-menu.ts, with the Chromium the browser tests use (CHROMIUM, default /usr/bin/chromium).
 * Run it after changing a label, then `npm run line:rich-menu`. A designer's image can replace the file instead:
 * 2500 × 843 px, PNG or JPEG, at most 1 MB, one button per quarter from the left.
 */
import { chromium } from 'playwright-core';
import { RICH_MENU_BUTTONS, RICH_MENU_IMAGE, RICH_MENU_SIZE } from '../adapters/line/rich-menu.ts';

/** What each button does, under its label. */
const SUBTITLES = ['金額・公式・來源', '資格與保證成數', '可以這樣問', '專線・轉真人客服'];

function page(): string {
  const tiles = RICH_MENU_BUTTONS.map(
    (button, i) => `<div class="tile"><div class="label">${button.label}</div><div class="subtitle">${SUBTITLES[i] ?? ''}</div></div>`,
  ).join('');
  return `<!doctype html><html lang="zh-Hant-TW"><head><meta charset="utf-8"><style>
    html, body { margin: 0; width: ${RICH_MENU_SIZE.width}px; height: ${RICH_MENU_SIZE.height}px; }
    body { display: flex; font-family: "Noto Sans CJK TC", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", sans-serif; }
    .tile { flex: 1 1 0; min-width: 0; box-sizing: border-box; display: flex; flex-direction: column; align-items: center;
            justify-content: center; gap: 40px; text-align: center; background: #1d4e89; color: #fff; border-right: 6px solid #f4f7fa; }
    .tile:nth-child(even) { background: #163c6a; }
    .tile:last-child { border-right: 0; background: #0f766e; }
    .label { font-size: 76px; font-weight: 700; }
    .subtitle { font-size: 50px; opacity: 0.85; }
  </style></head><body>${tiles}</body></html>`;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const tab = await browser.newPage({ viewport: { ...RICH_MENU_SIZE }, deviceScaleFactor: 1 });
    await tab.setContent(page());
    await tab.screenshot({ path: RICH_MENU_IMAGE, type: 'png' });
    console.log(`Wrote ${RICH_MENU_IMAGE}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
