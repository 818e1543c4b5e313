import { createHmac } from 'node:crypto';

/** A keyed hash, so the same user links across records without the id itself being stored. */
export function saltedHash(value: string, salt: string): string {
  return createHmac('sha256', salt).update(value).digest('hex').slice(0, 32);
}
