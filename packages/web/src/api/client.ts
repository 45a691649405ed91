import createClient, { type Client, type Middleware } from 'openapi-fetch';
import i18n from '../i18n';
import type { paths } from './schema';

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
const ownErrorHandling = ['/auth/login', '/auth/session', '/setup', '/invitations/by-token/', '/unsubscribe/'];

/** What every request sends and how every failure becomes an ApiError, in one place. */
const house: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept', 'application/json');
    request.headers.set('Accept-Language', i18n.language === 'en' ? 'en' : 'ja');
    if (request.method !== 'GET' && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  onResponse({ response, schemaPath }) {
    if (response.status === 401 && !ownErrorHandling.some((p) => schemaPath.startsWith(p))) onUnauthorized();
  },
  onError() {
    return new ApiError(0, 'network_error', i18n.t('errors.network'));
  },
};

/** Empty values are left out of the query string, as a form's untouched filter means "no filter". */
function querySerializer(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

/** `baseUrl` and `fetch` are for tests; the app uses `client`. */
export function createApiClient(options: { baseUrl?: string; fetch?: (request: Request) => Promise<Response> } = {}): Client<paths> {
  const created = createClient<paths>({
    baseUrl: options.baseUrl ?? '/api/v1',
    credentials: 'same-origin',
    querySerializer,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  created.use(house);
  return created;
}

/**
 * The API, typed by `schema.d.ts` (generated from the server's OpenAPI document: `npm run generate:api`).
 * Wrap each call in `request`: `await request(client.GET('/facilities/{facilityId}', { params: { path: { facilityId } } }))`.
 */
export const client = createApiClient();

/** A call's data, or its failure thrown as an ApiError (a 204 gives undefined). */
export async function request<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw parseError(response.status, error);
  return data as T;
}

/**
 * A multipart body (file uploads): `client.POST(path, { params, ...multipart(form) })`. The server reads those
 * parts itself (`files/upload.ts`), so its document declares no request body for them; FormData is sent as it is,
 * with the browser's multipart Content-Type.
 */
export function multipart(form: FormData): { body: never } {
  return { body: form as never };
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
