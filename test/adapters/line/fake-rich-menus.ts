import { randomBytes } from 'node:crypto';

/**
 * The rich-menu part of the fake LINE API: the checks LINE makes on a menu object
 * (developers.line.biz/en/reference/messaging-api/#rich-menu-object) and on its image, and the state they change.
 */
export interface RichMenuState {
  menus: Map<string, { menu: any; image?: { contentType: string; width: number; height: number; bytes: number } }>;
  defaultId?: string;
}

const ACTION_LABEL_MAX = 20;
const POSTBACK_DATA_MAX = 300;
const TEXT_MAX = 300;
const IMAGE_BYTES_MAX = 1024 * 1024;

/** What LINE would refuse in a rich menu object; empty when it is valid. */
export function richMenuProblems(menu: any): string[] {
  const problems: string[] = [];
  const size = menu?.size;
  if (!size || !Number.isInteger(size.width) || !Number.isInteger(size.height)) return ['size: width and height are required integers'];
  if (size.width < 800 || size.width > 2500) problems.push('size.width must be 800–2500');
  if (size.height < 250) problems.push('size.height must be at least 250');
  if (size.width / size.height < 1.45) problems.push('size: width / height must be at least 1.45');
  if (typeof menu.selected !== 'boolean') problems.push('selected must be a boolean');
  if (typeof menu.name !== 'string' || menu.name.length === 0 || menu.name.length > 300) problems.push('name must be 1–300 characters');
  if (typeof menu.chatBarText !== 'string' || menu.chatBarText.length === 0 || menu.chatBarText.length > 14) {
    problems.push('chatBarText must be 1–14 characters');
  }
  if (!Array.isArray(menu.areas) || menu.areas.length === 0 || menu.areas.length > 20) return [...problems, 'areas must hold 1–20 areas'];
  menu.areas.forEach((area: any, i: number) => {
    const b = area?.bounds;
    if (!b || b.x < 0 || b.y < 0 || b.width <= 0 || b.height <= 0 || b.x + b.width > size.width || b.y + b.height > size.height) {
      problems.push(`areas[${i}].bounds must lie within the menu`);
    }
    const action = area?.action;
    if (action?.label !== undefined && [...action.label].length > ACTION_LABEL_MAX) problems.push(`areas[${i}].action.label over ${ACTION_LABEL_MAX}`);
    if (action?.type === 'postback') {
      if (typeof action.data !== 'string' || action.data.length === 0 || action.data.length > POSTBACK_DATA_MAX) problems.push(`areas[${i}].action.data`);
      if (action.displayText !== undefined && action.displayText.length > TEXT_MAX) problems.push(`areas[${i}].action.displayText`);
    } else if (action?.type === 'message') {
      if (typeof action.text !== 'string' || action.text.length === 0 || action.text.length > TEXT_MAX) problems.push(`areas[${i}].action.text`);
    } else if (action?.type !== 'uri' && action?.type !== 'richmenuswitch') {
      problems.push(`areas[${i}].action.type is not one a rich menu takes`);
    }
  });
  return problems;
}

/** PNG width and height from its IHDR chunk, or undefined for anything that is not a PNG. */
function pngSize(image: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (image.length < 24 || image.subarray(0, 8).toString('hex') !== signature) return undefined;
  return { width: image.readUInt32BE(16), height: image.readUInt32BE(20) };
}

export type RichMenuAnswer = { status: number; body: unknown } | undefined;

/** Answers a rich-menu call as LINE would, or undefined for a path that is not one. */
export function answerRichMenuCall(state: RichMenuState, method: string, path: string, contentType: string, raw: Buffer): RichMenuAnswer {
  const json = () => JSON.parse(raw.toString('utf8'));
  const refuse = (details: string[]) => ({ status: 400, body: { message: 'The request body has 1 error(s)', details: details.map((message) => ({ message })) } });
  if (method === 'POST' && path === '/v2/bot/richmenu/validate') {
    const problems = richMenuProblems(json());
    return problems.length ? refuse(problems) : { status: 200, body: {} };
  }
  if (method === 'POST' && path === '/v2/bot/richmenu') {
    const menu = json();
    const problems = richMenuProblems(menu);
    if (problems.length) return refuse(problems);
    const richMenuId = `richmenu-${randomBytes(16).toString('hex')}`;
    state.menus.set(richMenuId, { menu });
    return { status: 200, body: { richMenuId } };
  }
  if (method === 'GET' && path === '/v2/bot/richmenu/list') {
    return { status: 200, body: { richmenus: [...state.menus].map(([richMenuId, { menu }]) => ({ richMenuId, ...menu })) } };
  }
  const content = /^\/v2\/bot\/richmenu\/([\w-]+)\/content$/.exec(path);
  if (method === 'POST' && content) {
    const entry = state.menus.get(content[1]!);
    if (!entry) return { status: 404, body: { message: 'Not found' } };
    const size = contentType === 'image/png' ? pngSize(raw) : undefined;
    if (!size) return { status: 400, body: { message: 'The image must be a PNG or JPEG (this fake reads PNG only)' } };
    if (raw.length > IMAGE_BYTES_MAX) return { status: 400, body: { message: 'The image is larger than 1 MB' } };
    if (size.width !== entry.menu.size.width || size.height !== entry.menu.size.height) {
      return { status: 400, body: { message: 'The image size does not match the rich menu size' } };
    }
    if (entry.image) return { status: 400, body: { message: 'An image has already been uploaded to the rich menu' } };
    entry.image = { contentType, ...size, bytes: raw.length };
    return { status: 200, body: {} };
  }
  const setDefault = /^\/v2\/bot\/user\/all\/richmenu\/([\w-]+)$/.exec(path);
  if (method === 'POST' && setDefault) {
    const entry = state.menus.get(setDefault[1]!);
    if (!entry) return { status: 404, body: { message: 'Not found' } };
    if (!entry.image) return { status: 400, body: { message: 'An image has not been uploaded to the rich menu' } };
    state.defaultId = setDefault[1]!;
    return { status: 200, body: {} };
  }
  const single = /^\/v2\/bot\/richmenu\/([\w-]+)$/.exec(path);
  if (method === 'DELETE' && single) {
    if (!state.menus.delete(single[1]!)) return { status: 404, body: { message: 'Not found' } };
    if (state.defaultId === single[1]) state.defaultId = undefined;
    return { status: 200, body: {} };
  }
  return undefined;
}
