import { describe, expect, it } from 'vitest';
import { saltedHash } from '../../../adapters/http/redaction.ts';

describe('saltedHash', () => {
  it('links the same id under one salt, and not across salts', () => {
    const id = 'U1234567890abcdef1234567890abcdef';
    expect(saltedHash(id, 'salt-one')).toBe(saltedHash(id, 'salt-one'));
    expect(saltedHash(id, 'salt-one')).not.toBe(saltedHash(id, 'salt-two'));
    expect(saltedHash(id, 'salt-one')).not.toContain(id);
  });
});
