import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandler } from '../src/http/error-handler.js';

/** A route that fails the way drizzle does when an insert loses a race for a unique key. */
async function appFailingWith(error: unknown) {
  const app = Fastify();
  registerErrorHandler(app);
  app.get('/x', async () => {
    throw error;
  });
  await app.ready();
  return app;
}

const uniqueViolation = Object.assign(new Error('duplicate key value violates unique constraint "answer_rounds_item_round"'), { code: '23505' });

describe('the error handler', () => {
  it('answers a unique-key violation as 409 version_conflict, bare or wrapped by drizzle, in the caller’s language', async () => {
    for (const error of [uniqueViolation, Object.assign(new Error('Failed query: insert …'), { cause: uniqueViolation })]) {
      const app = await appFailingWith(error);
      const ja = await app.inject({ method: 'GET', url: '/x' });
      expect(ja.statusCode).toBe(409);
      expect(ja.json()).toEqual({ error: { code: 'version_conflict', message: expect.stringContaining('他の人が先に更新しました') } });
      const en = await app.inject({ method: 'GET', url: '/x', headers: { 'accept-language': 'en' } });
      expect(en.json().error.message).toMatch(/^Someone else changed this first/);
      await app.close();
    }
  });

  it('still answers other database errors as 500 without their text', async () => {
    const app = await appFailingWith(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }));
    const response = await app.inject({ method: 'GET', url: '/x' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('relation');
    await app.close();
  });
});
