import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../src/i18n', () => ({ default: { language: 'en', t: (key: string) => `t:${key}` } }));

const { ApiError, createApiClient, isApiError, multipart, request, setCsrfToken, setUnauthorizedHandler } = await import('../src/api/client');

const facilityId = '0190a6a4-7c2e-7000-8000-000000000001';

/** A client whose fetch records the request and answers with `reply`. */
function clientAnswering(reply: () => Response | Promise<Response>) {
  const sent: Request[] = [];
  const client = createApiClient({
    baseUrl: 'http://mamori.test/api/v1',
    fetch: async (r) => {
      sent.push(r);
      return reply();
    },
  });
  return { client, sent };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('the API client', () => {
  const unauthorized = vi.fn();
  beforeEach(() => {
    unauthorized.mockReset();
    setUnauthorizedHandler(unauthorized);
    setCsrfToken('csrf-1');
  });

  it('sends the language, JSON accept and same-origin credentials, and no CSRF token on a GET', async () => {
    const { client, sent } = clientAnswering(() => json(200, { total: 0, items: [] }));
    const data = await request(client.GET('/facilities/{facilityId}/assets', { params: { path: { facilityId }, query: { q: '', page: 2 } } }));
    expect(data).toEqual({ total: 0, items: [] });
    const [r] = sent;
    expect(r!.url).toBe(`http://mamori.test/api/v1/facilities/${facilityId}/assets?page=2`);
    expect(r!.headers.get('Accept')).toBe('application/json');
    expect(r!.headers.get('Accept-Language')).toBe('en');
    expect(r!.headers.get('X-CSRF-Token')).toBeNull();
    expect(r!.credentials).toBe('same-origin');
  });

  it('sends JSON bodies with the CSRF token, and FormData as multipart', async () => {
    const { client, sent } = clientAnswering(() => json(200, { id: 'x' }));
    await request(client.POST('/facilities/{facilityId}/incidents', { params: { path: { facilityId } }, body: { title: '停電' } }));
    expect(sent[0]!.method).toBe('POST');
    expect(sent[0]!.headers.get('X-CSRF-Token')).toBe('csrf-1');
    expect(sent[0]!.headers.get('Content-Type')).toBe('application/json');
    expect(await sent[0]!.text()).toBe('{"title":"停電"}');

    const form = new FormData();
    form.append('file', new Blob(['%PDF-1.4']), 'a.pdf');
    await request(client.POST('/facilities/{facilityId}/bcp/documents', { params: { path: { facilityId } }, ...multipart(form) }));
    expect(sent[1]!.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent[1]!.headers.get('X-CSRF-Token')).toBe('csrf-1');
  });

  it('answers a 204 with undefined', async () => {
    const { client } = clientAnswering(() => new Response(null, { status: 204 }));
    await expect(request(client.DELETE('/end-of-life/{entryId}', { params: { path: { entryId: 'e1' } } }))).resolves.toBeUndefined();
  });

  it("throws the server's error as an ApiError", async () => {
    const body = { error: { code: 'version_conflict', message: '他の人が更新しました', details: [{ path: 'body.version', message: 'x' }] } };
    const { client } = clientAnswering(() => json(409, body));
    const error = await request(client.GET('/facilities/{facilityId}', { params: { path: { facilityId } } })).catch((e: unknown) => e);
    expect(isApiError(error, 'version_conflict')).toBe(true);
    expect(error).toMatchObject({ status: 409, message: '他の人が更新しました', details: body.error.details });
    expect(unauthorized).not.toHaveBeenCalled();
  });

  it('names a failure without an error body http_error', async () => {
    const { client } = clientAnswering(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await request(client.GET('/organizations')).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'http_error', message: 't:errors.unknown' });
  });

  it('reports an ended session, except where a 401 is the answer itself', async () => {
    const { client } = clientAnswering(() => json(401, { error: { code: 'session_expired', message: 'm' } }));
    await expect(request(client.GET('/organizations'))).rejects.toBeInstanceOf(ApiError);
    expect(unauthorized).toHaveBeenCalledTimes(1);
    await expect(request(client.POST('/auth/login', { body: { email: 'a@example.jp', password: 'p' } }))).rejects.toMatchObject({ status: 401 });
    await expect(request(client.GET('/invitations/by-token/{token}', { params: { path: { token: 't' } } }))).rejects.toMatchObject({ status: 401 });
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });

  it('turns a failed fetch into network_error', async () => {
    const { client } = clientAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(request(client.GET('/organizations'))).rejects.toMatchObject({ status: 0, code: 'network_error', message: 't:errors.network' });
  });
});
