import { EditionForm, FormKind } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { notFound } from '../http/errors.js';

/** Edition definitions are public ministry content: any signed-in user may read them. */
export const editionRoutes: Routes = (app, deps) => {
  app.get('/editions', { schema: { response: { 200: z.array(z.object({ edition: z.string(), fiscalYear: z.int(), forms: z.array(FormKind) })) } } }, async () =>
    deps.catalog.editions().map((edition) => {
      const forms = FormKind.options.filter((f) => deps.catalog.form(edition, f));
      return { edition, fiscalYear: deps.catalog.form(edition, forms[0]!)!.fiscalYear, forms };
    }),
  );

  app.get(
    '/editions/:edition/:form',
    { schema: { params: z.object({ edition: z.string().max(10), form: FormKind }), response: { 200: EditionForm } } },
    async (request) => {
      const form = deps.catalog.form(request.params.edition, request.params.form);
      if (!form) throw notFound();
      return form;
    },
  );
};
