import { describe, expect, it } from 'vitest';
import { AdminSessions } from '../../../adapters/admin/session.ts';

const TOKEN = 'console-session-admin-token';

function clock(start: string) {
  let now = new Date(start);
  return { now: () => now, advance: (hours: number) => (now = new Date(now.getTime() + hours * 3_600_000)) };
}

describe('console sessions', () => {
  it('are given for the admin token only', () => {
    const sessions = new AdminSessions(TOKEN);
    expect(sessions.signIn('console-session-admin-tokeN')).toBeUndefined();
    expect(sessions.signIn(TOKEN)?.cookie).toMatch(/^\d+\.[\w-]+\.[\w-]+$/);
  });

  it('last 8 hours', () => {
    const time = clock('2026-12-01T01:00:00Z');
    const sessions = new AdminSessions(TOKEN, time.now);
    const session = sessions.signIn(TOKEN)!;
    time.advance(7.9);
    expect(sessions.verify(session.cookie)?.csrfToken).toBe(session.csrfToken);
    time.advance(0.2);
    expect(sessions.verify(session.cookie)).toBeUndefined();
  });

  it('refuse a cookie with a changed expiry or signature, or signed with another token', () => {
    const sessions = new AdminSessions(TOKEN);
    const { cookie } = sessions.signIn(TOKEN)!;
    const [expires, nonce, signature] = cookie.split('.') as [string, string, string];
    expect(sessions.verify(`${Number(expires) + 86_400_000}.${nonce}.${signature}`)).toBeUndefined();
    expect(sessions.verify(`${expires}.${nonce}.${signature.slice(0, -2)}AA`)).toBeUndefined();
    expect(new AdminSessions('another-admin-token-entirely').verify(cookie)).toBeUndefined();
    expect(sessions.verify(undefined)).toBeUndefined();
  });

  it('end when signed out, and another session goes on', () => {
    const sessions = new AdminSessions(TOKEN);
    const first = sessions.signIn(TOKEN)!;
    const second = sessions.signIn(TOKEN)!;
    sessions.signOut(first.cookie);
    expect(sessions.verify(first.cookie)).toBeUndefined();
    expect(sessions.verify(second.cookie)).toBeDefined();
  });

  it('each have their own CSRF token, accepted only for that session', () => {
    const sessions = new AdminSessions(TOKEN);
    const first = sessions.signIn(TOKEN)!;
    const second = sessions.signIn(TOKEN)!;
    expect(sessions.csrfMatches(first, first.csrfToken)).toBe(true);
    expect(sessions.csrfMatches(first, second.csrfToken)).toBe(false);
    expect(sessions.csrfMatches(first, undefined)).toBe(false);
  });
});
