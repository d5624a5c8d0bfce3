/**
 * What a failed send tells us, read from whatever was thrown: botbuilder's connector throws Azure
 * RestErrors (statusCode, the Bot Framework error code from the body as `code`, the response with
 * its headers); a dropped connection is a RestError with a system code and no status; anything else
 * (a token the authority would not give, a bug) is a plain Error.
 */
export interface SendFailure {
  /** The HTTP status, or null when no response came back. */
  readonly status: number | null;
  /** The Bot Framework error code ('MessageWritesBlocked') or a system code ('ECONNRESET'). */
  readonly code: string | null;
  /** The Retry-After header as sent (seconds or an HTTP date). */
  readonly retryAfter: string | null;
  readonly message: string;
}

interface ErrorLike {
  statusCode?: unknown;
  code?: unknown;
  message?: unknown;
  response?: {
    status?: unknown;
    headers?: unknown;
    parsedBody?: { error?: { code?: unknown } };
    bodyAsText?: unknown;
  };
}

export function describeSendFailure(error: unknown): SendFailure {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorLike;
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.response?.status === 'number' ? e.response.status : null;
  return {
    status,
    code: stringOrNull(e.code) ?? stringOrNull(e.response?.parsedBody?.error?.code) ?? codeInBody(e.response?.bodyAsText),
    retryAfter: header(e.response?.headers, 'retry-after'),
    message: typeof e.message === 'string' ? e.message : String(error),
  };
}

/** One line for the outbox's last_error and for people: "403 MessageWritesBlocked: ...". */
export function failureSummary(failure: SendFailure): string {
  const head = [failure.status ?? 'no response', failure.code].filter((part) => part !== null && part !== undefined).join(' ');
  const text = `${head}: ${failure.message}`.replace(/\s+/g, ' ').trim();
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}

function header(headers: unknown, name: string): string | null {
  if (typeof headers !== 'object' || headers === null) return null;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === 'function') return stringOrNull(get.call(headers, name));
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return entry ? stringOrNull(entry[1]) : null;
}

function codeInBody(body: unknown): string | null {
  if (typeof body !== 'string' || !body.trim().startsWith('{')) return null;
  try {
    return stringOrNull((JSON.parse(body) as { error?: { code?: unknown } }).error?.code);
  } catch {
    return null;
  }
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
