import type { Bot, Reply, Turn } from '../../bot/types.ts';

/**
 * The bot used by adapter tests. Placeholder until the bot core is wired: it answers every message
 * with a fixed calculation-shaped reply so adapter rendering can be exercised. It will be replaced by
 * the real bot built from the shipped knowledge and rules, with the same signature.
 */
export async function createTestBot(): Promise<Bot> {
  return {
    async handle(turn: Turn): Promise<Reply[]> {
      if (turn.event.type === 'greeting') {
        return [{ kind: 'greeting', text: '您好，我是信保基金小幫手。', citations: [], quickReplies: ['一般貸款費率？'] }];
      }
      if (turn.event.type === 'feedback') {
        return [{ kind: 'feedback_ack', text: '謝謝您的回饋！', citations: [] }];
      }
      return [
        {
          kind: 'calculation',
          text: '保證手續費 40,000 元（5,000,000 × 80% × 1.00% × 12/12 = 40,000）',
          citations: [
            { documentId: 'guarantee-programs-overview', title: '信用保證業務概述', section: '授權保證項目表', date: undefined },
          ],
          quickReplies: ['那C組呢？', '重新開始'],
          answerId: 'placeholder-answer',
          card: {
            title: '保證手續費試算',
            inputs: [{ label: '貸款金額', value: '5,000,000 元' }],
            formula: '5,000,000 × 80% × 1.00% × 12/12 = 40,000',
            result: { label: '保證手續費', value: '40,000 元' },
            sources: ['信用保證業務概述 > 授權保證項目表'],
          },
        },
      ];
    },
  };
}
