/**
 * Why express's body parsers (body-parser) could not hand a route its body, in one vocabulary the adapters' error
 * mappers share. body-parser marks most failures with a `type`; a body whose bytes do not match the
 * Content-Encoding it declares fails inside zlib and arrives only as a 4xx carrying zlib's own error.
 */
export type BodyReadProblem =
  /** `detail` quotes part of the body: fine to send back to its sender, never to log. */
  | { kind: 'invalid_json'; detail: string }
  | { kind: 'too_large'; limitBytes: number | undefined }
  | { kind: 'unsupported_content_encoding'; encoding: string }
  | { kind: 'unsupported_charset'; charset: string }
  | { kind: 'unreadable'; contentEncoding: string | undefined };

/** The fields body-parser's errors (made by http-errors) carry. */
interface BodyParserError {
  status: number;
  expose: boolean;
  type?: unknown;
  message: string;
  limit?: unknown;
  encoding?: unknown;
  charset?: unknown;
}

function isBodyParserError(err: unknown): err is BodyParserError {
  if (typeof err !== 'object' || err === null) return false;
  const { status, expose } = err as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && typeof expose === 'boolean';
}

/** The problem, or undefined when `err` did not come from reading the body. */
export function bodyReadProblem(err: unknown, contentEncoding: string | undefined): BodyReadProblem | undefined {
  if (!isBodyParserError(err)) return undefined;
  switch (err.type) {
    case 'entity.parse.failed':
      return { kind: 'invalid_json', detail: err.message };
    case 'entity.too.large':
      return { kind: 'too_large', limitBytes: typeof err.limit === 'number' ? err.limit : undefined };
    case 'encoding.unsupported':
      return { kind: 'unsupported_content_encoding', encoding: String(err.encoding ?? contentEncoding) };
    case 'charset.unsupported':
      return { kind: 'unsupported_charset', charset: String(err.charset) };
    default:
      // Aborted uploads, a length that does not match Content-Length, and bytes that do not decompress.
      return err.status >= 400 && err.status < 500 ? { kind: 'unreadable', contentEncoding } : undefined;
  }
}
