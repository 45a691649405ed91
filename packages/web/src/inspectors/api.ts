import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, request } from '../api/client';
import { prefectureCodes } from '@mamori/domain';
import type { BodyOf, QueryOf, ResponseOf } from '../api/types';

export type InspectorAccount = ResponseOf<'/inspectors'>[number];
export type NewInspector = BodyOf<'/inspectors', 'post'>;
export type Prefecture = NonNullable<QueryOf<'/inspectors'>['prefecture']>;

/** A prefecture code from the address bar, or null when it is none (the filter then shows everyone). */
export const prefectureOf = (value: string | null): Prefecture | null => (value && prefectureCodes.includes(value) ? (value as Prefecture) : null);

const inspectorKeys = { all: ['inspectors'] as const, list: (prefecture: Prefecture | null) => ['inspectors', prefecture ?? 'all'] as const };

/** The system administrator's list of inspectors, one prefecture's or all. */
export function useInspectors(prefecture: Prefecture | null) {
  return useQuery({
    queryKey: inspectorKeys.list(prefecture),
    queryFn: () => request(client.GET('/inspectors', { params: { query: prefecture ? { prefecture } : {} } })),
  });
}

/** Registers an inspector; the answer holds the temporary password, which the screen shows once. */
export function useCreateInspector() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewInspector) => request(client.POST('/inspectors', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: inspectorKeys.all }),
  });
}

/** Disables (an inspector who left) or re-enables an account. */
export function useInspectorAccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ inspectorId, disabled }: { inspectorId: string; disabled: boolean }) => {
      const params = { path: { inspectorId } };
      return request(disabled ? client.POST('/inspectors/{inspectorId}/disable', { params }) : client.POST('/inspectors/{inspectorId}/enable', { params }));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: inspectorKeys.all }),
  });
}
