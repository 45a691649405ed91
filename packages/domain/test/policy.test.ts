import { describe, expect, it } from 'vitest';
import { administeredOrganizations, can, permissions, type Actor, type Permission } from '../src/index.js';

const org = 'org-1';
const facility = { kind: 'facility', organizationId: org, facilityId: 'fac-1' } as const;
const otherFacility = { kind: 'facility', organizationId: org, facilityId: 'fac-2' } as const;
const organization = { kind: 'organization', organizationId: org } as const;

const staff = (role: 'manager' | 'planner' | 'operator' | 'viewer'): Actor => ({ userId: 'u', grants: [{ kind: 'facility', organizationId: org, facilityId: 'fac-1', role }] });
const orgAdmin: Actor = { userId: 'u', grants: [{ kind: 'organization', organizationId: org, role: 'admin' }] };
const sysadmin: Actor = { userId: 'u', grants: [{ kind: 'system', role: 'admin' }] };
const nobody: Actor = { userId: 'u', grants: [] };

/** What each facility role may do inside its own facility. */
const facilityMatrix: Record<Permission, ('manager' | 'planner' | 'operator' | 'viewer')[]> = {
  'organization.create': [],
  'organization.read': ['manager', 'planner', 'operator', 'viewer'],
  'organization.update': [],
  'facility.create': [],
  'facility.read': ['manager', 'planner', 'operator', 'viewer'],
  'facility.update': ['manager'],
  'member.read': ['manager', 'planner'],
  'member.invite': ['manager'],
  'member.update': ['manager'],
  'member.remove': ['manager'],
  'user.resetPassword': [],
  'audit.read': ['manager'],
  'assessment.read': ['manager', 'planner', 'operator', 'viewer'],
  'assessment.create': ['manager', 'planner'],
  'assessment.answer': ['manager', 'planner', 'operator'],
  'ledger.read': ['manager', 'planner', 'operator', 'viewer'],
  'ledger.edit': ['manager', 'planner', 'operator'],
  'ledger.review': ['manager', 'planner'],
  'readiness.read': ['manager', 'planner', 'operator', 'viewer'],
  'readiness.plan': ['manager', 'planner'],
  'readiness.operate': ['manager', 'planner', 'operator'],
};

describe('policy', () => {
  it('covers every permission in the matrix', () => {
    expect(Object.keys(facilityMatrix).sort()).toEqual([...permissions].sort());
  });

  for (const role of ['manager', 'planner', 'operator', 'viewer'] as const) {
    it(`${role}: grants exactly the matrix inside the own facility, nothing in another`, () => {
      for (const permission of permissions) {
        expect(can(staff(role), permission, facility), permission).toBe(facilityMatrix[permission].includes(role));
        expect(can(staff(role), permission, otherFacility), permission).toBe(false);
      }
    });
  }

  it('facility staff read their organization but act on nothing organization-wide', () => {
    expect(can(staff('viewer'), 'organization.read', organization)).toBe(true);
    expect(can(staff('manager'), 'audit.read', organization)).toBe(false);
    expect(can(staff('manager'), 'member.invite', organization)).toBe(false);
    expect(can(staff('manager'), 'organization.read', { kind: 'organization', organizationId: 'org-2' })).toBe(false);
  });

  it('an organization admin manages every facility of the organization and nothing outside it', () => {
    for (const permission of permissions) {
      expect(can(orgAdmin, permission, facility), permission).toBe(permission !== 'organization.create');
      expect(can(orgAdmin, permission, { kind: 'facility', organizationId: 'org-2', facilityId: 'fac-9' }), permission).toBe(false);
    }
    expect(can(orgAdmin, 'organization.create', { kind: 'global' })).toBe(false);
    expect(administeredOrganizations(orgAdmin)).toEqual([org]);
  });

  it('a system administrator may do everything; someone without grants nothing', () => {
    for (const permission of permissions) {
      expect(can(sysadmin, permission, facility)).toBe(true);
      expect(can(nobody, permission, facility)).toBe(false);
    }
    expect(administeredOrganizations(sysadmin)).toBeNull();
  });
});
