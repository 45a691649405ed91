import Fastify from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid } from '../src/http/errors.js';
import { validatorCompiler } from '../src/http/validator.js';
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

  it('sends details as codes with parameters, worded in the caller’s language', async () => {
    const app = await appFailingWith(invalid('params.round', 'previous_round_first', { round: 1 }));
    const ja = (await app.inject({ method: 'GET', url: '/x' })).json();
    expect(ja.error.details).toEqual([{ path: 'params.round', code: 'previous_round_first', params: { round: 1 }, message: '1回目を先に記入してください' }]);
    const en = (await app.inject({ method: 'GET', url: '/x', headers: { 'accept-language': 'en-GB,en;q=0.9' } })).json();
    expect(en.error.details).toEqual([{ path: 'params.round', code: 'previous_round_first', params: { round: 1 }, message: 'Fill in check 1 first' }]);
    expect(en.error.message).toBe('The input is not valid. params.round: Fill in check 1 first');
    await app.close();
  });

  it('words zod’s findings in the caller’s language too, with zod’s code and limits', async () => {
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerErrorHandler(app);
    app.post('/y', { schema: { body: z.strictObject({ name: z.string().min(3) }) } }, async () => ({ ok: true }));
    await app.ready();
    const send = (language: string) => app.inject({ method: 'POST', url: '/y', payload: { name: 'ab' }, headers: { 'accept-language': language } });
    const ja = (await send('ja')).json().error.details[0];
    const en = (await send('en')).json().error.details[0];
    expect(ja).toMatchObject({ path: 'body.name', code: 'too_small', params: { minimum: 3 } });
    expect(en).toMatchObject({ path: 'body.name', code: 'too_small', params: { minimum: 3 } });
    expect(ja.message).toContain('3文字以上');
    expect(en.message).toMatch(/^Too small: expected string to have >=3 characters/);
    await app.close();
  });
});
