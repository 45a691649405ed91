import { useQuery } from '@tanstack/react-query';
import { client, request } from '../api/client';

export const facilityKeys = {
  all: ['facilities'] as const,
  list: (organizationId?: string) => ['facilities', 'list', organizationId ?? 'all'] as const,
  one: (id: string) => ['facilities', 'one', id] as const,
  members: (id: string) => ['facilities', 'members', id] as const,
};

export function useFacilityList(organizationId?: string, enabled = true) {
  return useQuery({
    queryKey: facilityKeys.list(organizationId),
    queryFn: () => request(client.GET('/facilities', { params: { query: { organizationId } } })),
    enabled,
  });
}

export function useFacility(id: string | undefined) {
  return useQuery({
    queryKey: facilityKeys.one(id ?? ''),
    queryFn: () => request(client.GET('/facilities/{facilityId}', { params: { path: { facilityId: id! } } })),
    enabled: !!id,
  });
}

export function useFacilityMembers(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: facilityKeys.members(id ?? ''),
    queryFn: () => request(client.GET('/facilities/{facilityId}/members', { params: { path: { facilityId: id! } } })),
    enabled: !!id && enabled,
  });
}

export const organizationKeys = {
  all: ['organizations'] as const,
  list: ['organizations', 'list'] as const,
  one: (id: string) => ['organizations', 'one', id] as const,
  members: (id: string) => ['organizations', 'members', id] as const,
  invitations: (id: string) => ['organizations', 'invitations', id] as const,
};

export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: organizationKeys.one(id ?? ''),
    queryFn: () => request(client.GET('/organizations/{organizationId}', { params: { path: { organizationId: id! } } })),
    enabled: !!id,
  });
}

export function useOrganizations(enabled = true) {
  return useQuery({ queryKey: organizationKeys.list, queryFn: () => request(client.GET('/organizations')), enabled });
}
