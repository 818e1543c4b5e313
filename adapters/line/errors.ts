import { HTTPFetchError } from '@line/bot-sdk';

export type LineApiOperation = 'reply' | 'loading' | 'rich_menu';

/**
 * A failed call to the LINE Messaging API, with what LINE support asks for: the HTTP status and the
 * `x-line-request-id` of the failed request. A 400 on a reply usually means the reply token had expired
 * or was already used; 429 means the rate limit or the monthly quota was hit.
 */
export class LineApiError extends Error {
  constructor(
    readonly operation: LineApiOperation,
    readonly status: number | undefined,
    readonly requestId: string | undefined,
    readonly detail: string,
  ) {
    super(`LINE ${operation} call failed${status === undefined ? '' : ` with ${status}`}: ${detail}`);
    this.name = 'LineApiError';
  }

  /** 429 and 5xx may succeed later; anything else will fail the same way again. */
  get retryable(): boolean {
    return this.status === undefined || this.status === 429 || this.status >= 500;
  }

  static from(operation: LineApiOperation, error: unknown): LineApiError {
    if (error instanceof HTTPFetchError) {
      return new LineApiError(
        operation,
        error.status,
        error.headers.get('x-line-request-id') ?? undefined,
        lineErrorMessage(error.body) ?? error.statusText,
      );
    }
    // fetch rejects with a TypeError when the API cannot be reached at all.
    const detail = error instanceof Error ? `${error.message}${causeOf(error)}` : String(error);
    return new LineApiError(operation, undefined, undefined, detail);
  }
}

/** The webhook body was signed correctly but is not the JSON LINE sends. */
export class LineWebhookBodyError extends Error {
  constructor(readonly reason: string) {
    super(`Unreadable LINE webhook body: ${reason}`);
    this.name = 'LineWebhookBodyError';
  }
}

/** LINE error bodies look like {"message":"The request body has 2 error(s)","details":[{"message":…,"property":…}]}. */
function lineErrorMessage(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'message' in parsed && typeof parsed.message === 'string') {
      const details = 'details' in parsed && Array.isArray(parsed.details) ? parsed.details.map(detailText).filter(Boolean) : [];
      return details.length > 0 ? `${parsed.message} (${details.join('; ')})` : parsed.message;
    }
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return body.trim() === '' ? undefined : body.slice(0, 200);
}

function detailText(detail: unknown): string {
  if (!detail || typeof detail !== 'object') return '';
  const { property, message } = detail as { property?: unknown; message?: unknown };
  return [property, message].filter((part) => typeof part === 'string' && part !== '').join(': ');
}

function causeOf(error: Error): string {
  return error.cause instanceof Error ? ` (${error.cause.message})` : '';
}
