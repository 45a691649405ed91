import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import i18n, { rememberLanguage, type UiLanguage } from '.';
import { client, request } from '../api/client';
import type { SessionInfo } from '../api/types';
import { sessionKey } from '../auth/session';

/** Switching language is remembered on this device and, when signed in, on the account. */
export function useLanguage() {
  const { i18n: instance } = useTranslation();
  const queryClient = useQueryClient();
  const language: UiLanguage = instance.language === 'en' ? 'en' : 'ja';

  const setLanguage = useCallback(
    async (next: UiLanguage) => {
      rememberLanguage(next);
      await i18n.changeLanguage(next);
      const session = queryClient.getQueryData<SessionInfo | null>(sessionKey);
      if (session && session.user.locale !== next) {
        try {
          const user = await request(client.PATCH('/me', { body: { locale: next } }));
          queryClient.setQueryData<SessionInfo | null>(sessionKey, (old) => (old ? { ...old, user } : old));
        } catch {
          // The UI already switched; the account keeps its old preference until the next change.
        }
      }
    },
    [queryClient],
  );

  return { language, setLanguage };
}
