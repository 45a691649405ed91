import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Facility, FacilityMember, Organization } from '../api/types';

export const facilityKeys = {
  all: ['facilities'] as const,
  list: (organizationId?: string) => ['facilities', 'list', organizationId ?? 'all'] as const,
  one: (id: string) => ['facilities', 'one', id] as const,
  members: (id: string) => ['facilities', 'members', id] as const,
};

export function useFacilityList(organizationId?: string, enabled = true) {
  return useQuery({
    queryKey: facilityKeys.list(organizationId),
    queryFn: () => api<Facility[]>('/facilities', { query: { organizationId } }),
    enabled,
  });
}

export function useFacility(id: string | undefined) {
  return useQuery({
    queryKey: facilityKeys.one(id ?? ''),
    queryFn: () => api<Facility>(`/facilities/${id}`),
    enabled: !!id,
  });
}

export function useFacilityMembers(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: facilityKeys.members(id ?? ''),
    queryFn: () => api<FacilityMember[]>(`/facilities/${id}/members`),
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
    queryFn: () => api<Organization>(`/organizations/${id}`),
    enabled: !!id,
  });
}

export function useOrganizations(enabled = true) {
  return useQuery({ queryKey: organizationKeys.list, queryFn: () => api<Organization[]>('/organizations'), enabled });
}
