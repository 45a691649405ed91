import i18n from '../i18n';

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
/** Every response carrying a session (login, setup, accept, session) refreshes the token. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

// A 401 from these means "wrong credentials" or "not signed in yet", not "your session ended".
const ownErrorHandling = ['/auth/login', '/auth/session', '/setup', '/invitations/by-token/'];

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** JSON-encoded, except FormData, which is sent as multipart/form-data (file uploads). */
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language === 'en' ? 'en' : 'ja',
  };
  const multipart = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let url = `/api/v1${path}`;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    const error = parseError(response.status, data);
    if (response.status === 401 && !ownErrorHandling.some((p) => path.startsWith(p))) onUnauthorized();
    throw error;
  }
  return data as T;
}

function parseError(status: number, data: unknown): ApiError {
  const body = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (body && typeof body.code === 'string') {
    const details = Array.isArray(body.details) ? (body.details as ErrorDetail[]) : [];
    const message = typeof body.message === 'string' ? body.message : i18n.t('errors.unknown');
    return new ApiError(status, body.code, message, details);
  }
  return new ApiError(status, 'http_error', i18n.t('errors.unknown'));
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
