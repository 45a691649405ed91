import { describe, expect, it } from 'vitest';
import { administeredOrganizations, can, overseenFacilities, contractSide, permissions, type Actor, type Permission } from '../src/index.js';

const org = 'org-1';
const facility = { kind: 'facility', organizationId: org, facilityId: 'fac-1' } as const;
const otherFacility = { kind: 'facility', organizationId: org, facilityId: 'fac-2' } as const;
const organization = { kind: 'organization', organizationId: org } as const;

const staff = (role: 'manager' | 'planner' | 'operator' | 'viewer'): Actor => ({
  userId: 'u',
  grants: [{ kind: 'facility', organizationId: org, facilityId: 'fac-1', role }],
});
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
  'member.joinSelf': [],
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
  'contract.read': ['manager', 'planner', 'operator', 'viewer'],
  'contract.manage': ['manager', 'planner'],
  'vendorForm.request': ['manager', 'planner'],
  'vendorForm.review': ['manager', 'planner'],
  'vendorForm.answer': [],
  'disclosure.manage': ['manager', 'planner', 'operator'],
  'roleSharing.propose': ['manager', 'planner'],
  'roleSharing.confirm': ['manager', 'planner'],
  'vendor.manage': [],
  'accessLog.read': ['manager', 'planner', 'operator'],
  'accessLog.ingest': ['manager', 'planner', 'operator'],
  'accessLog.manage': ['manager', 'planner'],
  'accessLog.review': ['manager', 'planner'],
  'reminder.receive': ['manager', 'planner'],
  'inspector.manage': [],
  'inspectionGrant.manage': ['manager'],
  'inspection.read': ['manager', 'planner', 'operator', 'viewer'],
  'inspection.record': [],
  'inspection.answer': ['manager', 'planner'],
  'oversight.read': [],
};

/** What an inspector (立入検査) may do on a facility that granted them access: read, and nothing else. */
const inspectorPermissions: Permission[] = [
  'facility.read',
  'assessment.read',
  'ledger.read',
  'readiness.read',
  'contract.read',
  'inspection.read',
  'inspection.record',
  'oversight.read',
];
const inspector: Actor = { userId: 'i', grants: [{ kind: 'inspector', organizationId: org, facilityId: 'fac-1' }] };

/** What a vendor's user may do on its own company's contracts. */
const vendorPermissions: Permission[] = ['contract.read', 'vendorForm.answer', 'disclosure.manage', 'roleSharing.propose', 'vendor.manage'];
const vendorOnly: Permission[] = ['vendorForm.answer', 'vendor.manage'];
/** Held by someone outside the facility only: the vendor's own answers, the inspector's own record. */
const outsiderOnly: Permission[] = [...vendorOnly, 'inspection.record'];
/** Held by a system administrator alone: what no organization owns (new organizations, inspector accounts). */
const systemOnly: Permission[] = ['organization.create', 'inspector.manage'];
const contract = { kind: 'contract', organizationId: org, facilityId: 'fac-1', vendorId: 'ven-1' } as const;
const vendorUser: Actor = { userId: 'v', grants: [{ kind: 'vendor', vendorId: 'ven-1' }] };

describe('policy: inspectors', () => {
  it('reads exactly the granted facility, its checklists, findings, readiness and contracts', () => {
    for (const permission of permissions) {
      expect(can(inspector, permission, facility), permission).toBe(inspectorPermissions.includes(permission));
      expect(can(inspector, permission, otherFacility), permission).toBe(false);
      expect(can(inspector, permission, contract), permission).toBe(inspectorPermissions.includes(permission));
    }
  });

  it('holds no write permission anywhere but recording an inspection, not even on the granted facility', () => {
    const writes = permissions.filter((p) => !p.endsWith('.read') && p !== 'inspection.record');
    for (const permission of writes) {
      for (const scope of [facility, contract, organization, { kind: 'global' } as const, { kind: 'vendor', vendorId: 'ven-1' } as const]) {
        expect(can(inspector, permission, scope), `${permission} on ${scope.kind}`).toBe(false);
      }
    }
    expect(administeredOrganizations(inspector)).toEqual([]);
  });

  it("reads the facility's organization by name only, and no other organization or vendor", () => {
    expect(can(inspector, 'organization.read', organization)).toBe(true);
    expect(can(inspector, 'organization.read', { kind: 'organization', organizationId: 'org-2' })).toBe(false);
    expect(can(inspector, 'member.read', organization)).toBe(false);
    expect(can(inspector, 'audit.read', organization)).toBe(false);
    expect(can(inspector, 'contract.read', { ...contract, facilityId: 'fac-2' })).toBe(false);
  });

  it('records inspections only where granted; no one else records one', () => {
    expect(can(inspector, 'inspection.record', otherFacility)).toBe(false);
    for (const actor of [sysadmin, orgAdmin, staff('manager'), vendorUser]) expect(can(actor, 'inspection.record', facility)).toBe(false);
    expect(can(inspector, 'inspection.answer', facility)).toBe(false);
  });

  it('sees no access logs, members or audit trail of the granted facility', () => {
    for (const permission of ['accessLog.read', 'member.read', 'audit.read'] as const) expect(can(inspector, permission, facility)).toBe(false);
  });

  it('acts for no side of a contract that could write', () => {
    // contract.read puts the inspector on the facility's side for reading; every write there asks a permission it lacks.
    expect(contractSide(inspector, contract)).toBe('facility');
    expect(can(inspector, 'vendorForm.review', contract)).toBe(false);
    expect(can(inspector, 'contract.manage', contract)).toBe(false);
  });
});

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
      expect(can(orgAdmin, permission, facility), permission).toBe(!systemOnly.includes(permission) && !outsiderOnly.includes(permission));
      expect(can(orgAdmin, permission, { kind: 'facility', organizationId: 'org-2', facilityId: 'fac-9' }), permission).toBe(false);
    }
    expect(can(orgAdmin, 'organization.create', { kind: 'global' })).toBe(false);
    expect(administeredOrganizations(orgAdmin)).toEqual([org]);
  });

  it('a system administrator may do everything; someone without grants nothing', () => {
    for (const permission of permissions) {
      expect(can(sysadmin, permission, facility)).toBe(!outsiderOnly.includes(permission));
      expect(can(nobody, permission, facility)).toBe(false);
    }
    expect(administeredOrganizations(sysadmin)).toBeNull();
  });

  it("a vendor's user acts on its own company's contracts only, and never on the facility itself", () => {
    for (const permission of permissions) {
      expect(can(vendorUser, permission, contract), permission).toBe(vendorPermissions.includes(permission));
      expect(can(vendorUser, permission, { ...contract, vendorId: 'ven-2' }), permission).toBe(false);
      expect(can(vendorUser, permission, facility), permission).toBe(false);
      expect(can(vendorUser, permission, organization), permission).toBe(false);
    }
    expect(can(vendorUser, 'vendor.manage', { kind: 'vendor', vendorId: 'ven-1' })).toBe(true);
    expect(can(vendorUser, 'vendor.manage', { kind: 'vendor', vendorId: 'ven-2' })).toBe(false);
  });

  it("facility staff act on their facility's contracts by role, and not on another facility's", () => {
    expect(can(staff('planner'), 'vendorForm.review', contract)).toBe(true);
    expect(can(staff('viewer'), 'vendorForm.review', contract)).toBe(false);
    expect(can(staff('manager'), 'contract.read', { ...contract, facilityId: 'fac-2' })).toBe(false);
    expect(contractSide(staff('viewer'), contract)).toBe('facility');
    expect(contractSide(vendorUser, contract)).toBe('vendor');
    expect(contractSide(nobody, contract)).toBeNull();
  });
});

describe('policy: inspector accounts', () => {
  it('only a system administrator registers, lists, disables and re-enables inspectors', () => {
    const global = { kind: 'global' } as const;
    expect(can(sysadmin, 'inspector.manage', global)).toBe(true);
    for (const actor of [orgAdmin, staff('manager'), inspector, vendorUser, nobody]) {
      for (const scope of [global, organization, facility]) expect(can(actor, 'inspector.manage', scope), scope.kind).toBe(false);
    }
  });
});

describe('policy: who sees a dashboard over many facilities', () => {
  it('a system administrator sees every facility; a corporation its own; an inspector the granted ones; staff none', () => {
    expect(overseenFacilities({ userId: 's', grants: [{ kind: 'system', role: 'admin' }] })).toBeNull();
    expect(overseenFacilities({ userId: 'o', grants: [{ kind: 'organization', organizationId: org, role: 'admin' }] })).toEqual({
      organizationIds: [org],
      facilityIds: [],
    });
    expect(overseenFacilities(inspector)).toEqual({ organizationIds: [], facilityIds: ['fac-1'] });
    const staff: Actor = { userId: 'f', grants: [{ kind: 'facility', organizationId: org, facilityId: 'fac-1', role: 'manager' }] };
    expect(overseenFacilities(staff)).toEqual({ organizationIds: [], facilityIds: [] });
    expect(overseenFacilities({ userId: 'v', grants: [{ kind: 'vendor', vendorId: 'v-1' }] })).toEqual({ organizationIds: [], facilityIds: [] });
  });
});
