import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, flushLogger } from '../../../adapters/http/logger.ts';

/** A logger at debug level whose lines are kept for the test to read. */
function debugLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('debug', destination) };
}

describe('createLogger', () => {
  it('never prints message text, bodies or credentials, whatever the level', async () => {
    const { lines, logger } = debugLogger();
    logger.info({ text: '我的電話 0912345678', intent: 'fee_calculation', length: 12 }, 'chat turn');
    logger.debug({ body: { text: '統編 12345678' }, req: { headers: { authorization: 'Bearer secret-token' } } }, 'detail');
    logger.error({ err: Object.assign(new SyntaxError('Unexpected end of JSON input'), { body: '{"text": "電話 0912345678' }) }, 'unparsed');
    await flushLogger(logger);

    const output = lines.join('');
    expect(output).not.toContain('0912345678');
    expect(output).not.toContain('12345678');
    expect(output).not.toContain('secret-token');
    const first = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(first).toMatchObject({ service: 'smeg-assistant', intent: 'fee_calculation', length: 12, text: '[redacted]' });
  });

  it('never prints who the user is: conversation and LINE user ids are removed wherever they are logged', async () => {
    const { lines, logger } = debugLogger();
    const userId = 'U1234567890abcdef1234567890abcdef';
    logger.error({ err: Object.assign(new Error('bot failed'), { conversationId: userId }), conversationId: userId }, 'turn failed');
    logger.warn({ source: { userId }, userId }, 'event');
    await flushLogger(logger);
    expect(lines).toHaveLength(2);
    expect(lines.join('')).not.toContain(userId);
  });
});
