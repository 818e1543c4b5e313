/**
 * Answers one question in the terminal exactly as the chat API does (same bot, knowledge and rules):
 *   npm run ask -- "一般貸款500萬保8成B組一年手續費多少？"
 * Several arguments are asked in order in one conversation, for trying follow-ups.
 */
import { createBot } from '../bot/index.ts';
import { createLiveSources } from '../adapters/http/live-sources.ts';
import { createLogger } from '../adapters/http/logger.ts';
import { parseConfig } from '../adapters/http/config.ts';

const questions = process.argv.slice(2).filter((a) => a.trim().length > 0);
if (questions.length === 0) {
  console.error('用法：npm run ask -- "問題" ["追問" …]');
  process.exit(2);
}
const config = parseConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
const sources = await createLiveSources({
  knowledgeDir: config.KNOWLEDGE_DIR,
  rulesDir: config.RULES_DIR,
  domainDir: config.DOMAIN_DIR,
  logger: createLogger(config.LOG_LEVEL),
  watch: false,
});
const bot = createBot({ sources: () => sources.current(), maxMessageLength: config.MAX_MESSAGE_LENGTH });
const conversationId = `cli-${process.pid}`;
for (const text of questions) {
  console.log(`\n> ${text}`);
  for (const reply of await bot.handle({ conversationId, channel: 'cli', event: { type: 'message', text } })) {
    console.log(reply.text);
    if (reply.quickReplies?.length) console.log(`  [${reply.quickReplies.join('] [')}]`);
  }
}
sources.close();
