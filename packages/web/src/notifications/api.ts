import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, request } from '../api/client';
import type { BodyOf, ResponseOf } from '../api/types';

export type NotificationItem = ResponseOf<'/me/notifications'>['items'][number];
type NotificationPreference = ResponseOf<'/me/notification-preferences'>['preferences'][number];
export type NotificationKind = NotificationPreference['kind'];
export type NotificationMode = NotificationPreference['mode'];

const notificationsKey = ['me', 'notifications'] as const;
const preferencesKey = ['me', 'notification-preferences'] as const;
/** The bell asks again every minute (and when the window regains focus): reminders arrive from the morning jobs. */
const UNREAD_POLL_MS = 60_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: [...notificationsKey, 'unread-count'],
    queryFn: () => request(client.GET('/me/notifications/unread-count')),
    refetchInterval: UNREAD_POLL_MS,
  });
}

export function useNotifications(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: [...notificationsKey, 'list', unreadOnly],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      request(client.GET('/me/notifications', { params: { query: { limit: 30, after: pageParam, unread: unreadOnly ? 'true' : undefined } } })),
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/** Marks one read (its id) or all (no id); the list and the bell follow. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (notificationId?: string) => {
      if (notificationId) await request(client.POST('/me/notifications/{notificationId}/read', { params: { path: { notificationId } } }));
      else await request(client.POST('/me/notifications/read-all'));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function usePreferences() {
  return useQuery({ queryKey: preferencesKey, queryFn: () => request(client.GET('/me/notification-preferences')) });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/me/notification-preferences', 'put'>) => request(client.PUT('/me/notification-preferences', { body })),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  });
}

export function useUnsubscribePreview(token: string) {
  return useQuery({
    queryKey: ['unsubscribe', token],
    queryFn: () => request(client.GET('/unsubscribe/{token}', { params: { path: { token } } })),
    retry: false,
  });
}

export const unsubscribe = (token: string) => request(client.POST('/unsubscribe/{token}', { params: { path: { token } } }));
