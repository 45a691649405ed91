import type { FacilityRole, OrganizationRole } from './roles.js';

/**
 * Every permission Mamori knows, as `resource.action`. All access decisions go through `can`;
 * vendor and inspector grants slot in as further Grant kinds.
 */
export const permissions = [
  'organization.create',
  'organization.read',
  'organization.update',
  'facility.create',
  'facility.read',
  'facility.update',
  'member.read',
  'member.invite',
  'member.update',
  'member.remove',
  'member.joinSelf',
  'user.resetPassword',
  'audit.read',
  'assessment.read',
  'assessment.create',
  'assessment.answer',
  'ledger.read',
  'ledger.edit',
  'ledger.review',
  'readiness.read',
  'readiness.plan',
  'readiness.operate',
  'contract.read',
  'contract.manage',
  'vendorForm.request',
  'vendorForm.review',
  'vendorForm.answer',
  'disclosure.manage',
  'roleSharing.propose',
  'roleSharing.confirm',
  'vendor.manage',
  'accessLog.read',
  'accessLog.ingest',
  'accessLog.manage',
  'accessLog.review',
  'reminder.receive',
  'inspector.manage',
  'inspectionGrant.manage',
  'inspection.read',
  'inspection.record',
  'inspection.answer',
  'oversight.read',
] as const;
export type Permission = (typeof permissions)[number];

export type Grant =
  | { kind: 'system'; role: 'admin' }
  | { kind: 'organization'; organizationId: string; role: OrganizationRole }
  | { kind: 'facility'; organizationId: string; facilityId: string; role: FacilityRole }
  /** A vendor company's user: its own contracts, forms and answer sets, nothing of the facility beyond them. */
  | { kind: 'vendor'; vendorId: string }
  /**
   * A health center's inspector (立入検査の検査員) whom the facility's manager granted read-only access: the facility,
   * its checklists, findings, readiness and vendor forms, and never any write.
   */
  | { kind: 'inspector'; organizationId: string; facilityId: string };

export interface Actor {
  userId: string;
  grants: readonly Grant[];
}

/** What a permission is asked about. A facility always names its organization. */
export type Scope =
  | { kind: 'global' }
  | { kind: 'organization'; organizationId: string }
  | { kind: 'facility'; organizationId: string; facilityId: string }
  /** A contract is the facility's and its vendor's: both sides are asked about it. */
  | { kind: 'contract'; organizationId: string; facilityId: string; vendorId: string }
  | { kind: 'vendor'; vendorId: string };

interface Rule {
  system: boolean;
  organizationAdmin: boolean;
  /** Facility roles that hold the permission inside their own facility (and read their organization). */
  facilityRoles: readonly FacilityRole[];
  /** Whether a vendor's users hold it on their own company's contracts. */
  vendor?: boolean;
  /** Whether an inspector holds it on a facility that granted them inspection access (reads only). */
  inspector?: boolean;
}

const everyFacilityRole: readonly FacilityRole[] = ['manager', 'planner', 'operator', 'viewer'];

const rules: Record<Permission, Rule> = {
  'organization.create': { system: true, organizationAdmin: false, facilityRoles: [] },
  'organization.read': { system: true, organizationAdmin: true, facilityRoles: everyFacilityRole },
  'organization.update': { system: true, organizationAdmin: true, facilityRoles: [] },
  'facility.create': { system: true, organizationAdmin: true, facilityRoles: [] },
  'facility.read': { system: true, organizationAdmin: true, facilityRoles: everyFacilityRole, inspector: true },
  'facility.update': { system: true, organizationAdmin: true, facilityRoles: ['manager'] },
  'member.read': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner'] },
  'member.invite': { system: true, organizationAdmin: true, facilityRoles: ['manager'] },
  'member.update': { system: true, organizationAdmin: true, facilityRoles: ['manager'] },
  'member.remove': { system: true, organizationAdmin: true, facilityRoles: ['manager'] },
  /**
   * An administrator takes a role in a facility themselves (the first administrator is no member of the
   * facility they create, so 1(1) has no 安全管理責任者 until they join). Members change roles through member.update.
   */
  'member.joinSelf': { system: true, organizationAdmin: true, facilityRoles: [] },
  'user.resetPassword': { system: true, organizationAdmin: true, facilityRoles: [] },
  'audit.read': { system: true, organizationAdmin: true, facilityRoles: ['manager'] },
  'assessment.read': { system: true, organizationAdmin: true, facilityRoles: everyFacilityRole, inspector: true },
  'assessment.create': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner'] },
  'assessment.answer': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner', 'operator'] },
  'ledger.read': { system: true, organizationAdmin: true, facilityRoles: everyFacilityRole, inspector: true },
  'ledger.edit': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner', 'operator'] },
  /** The signed account review (棚卸) is the planner's job (企画管理者). */
  'ledger.review': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner'] },
  'readiness.read': { system: true, organizationAdmin: true, facilityRoles: everyFacilityRole, inspector: true },
  /** The contact chart and the BCP are the planner's (企画管理者) documents. */
  'readiness.plan': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner'] },
  /** Backups, restore tests and incident records are kept by whoever runs the systems (システム運用担当者). */
  'readiness.operate': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner', 'operator'] },
  'contract.read': { system: true, organizationAdmin: true, facilityRoles: everyFacilityRole, vendor: true, inspector: true },
  'contract.manage': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner'] },
  'vendorForm.request': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner'] },
  /** Accepting a vendor's answers or asking it a question. */
  'vendorForm.review': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner'] },
  /** The vendor answers its own form; the facility reviews it and cannot write the vendor's answers. */
  'vendorForm.answer': { system: false, organizationAdmin: false, facilityRoles: [], vendor: true },
  'disclosure.manage': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner', 'operator'], vendor: true },
  'roleSharing.propose': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner'], vendor: true },
  'roleSharing.confirm': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner'] },
  /** A vendor's own company: answer sets per product. */
  'vendor.manage': { system: false, organizationAdmin: false, facilityRoles: [], vendor: true },
  // Access logs name who signed in where and when: not for viewers (manual 2(6): 企画管理者 reviews them).
  'accessLog.read': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner', 'operator'] },
  'accessLog.ingest': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner', 'operator'] },
  'accessLog.manage': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner'] },
  'accessLog.review': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner'] },
  /**
   * Who the facility's reminders (target dates, the annual check, restore tests, log reviews, the BCP, vendors
   * not answering) go to: its 安全管理責任者 and 企画管理者, the people the manual makes responsible for them.
   * Only facility roles count: administrators are reminded of a facility by taking a role in it.
   */
  'reminder.receive': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner'] },
  /**
   * Inspector accounts (立入検査の検査員): registering, listing, disabling and re-enabling them. They belong to no
   * organization, so only a system administrator (a prefectural or national deployment's operator) manages them.
   */
  'inspector.manage': { system: true, organizationAdmin: false, facilityRoles: [] },
  /** Granting a health center's inspector read-only access for 立入検査, and revoking it: the 安全管理責任者's decision. */
  'inspectionGrant.manage': { system: true, organizationAdmin: true, facilityRoles: ['manager'] },
  /** The inspection records (立入検査の指摘事項) of a facility: its people and the inspectors it granted. */
  'inspection.read': { system: true, organizationAdmin: true, facilityRoles: everyFacilityRole, inspector: true },
  /** Only an inspector records an inspection and its findings: the one thing an inspector writes. */
  'inspection.record': { system: false, organizationAdmin: false, facilityRoles: [], inspector: true },
  /** The facility's answer to a finding (改善報告) is given by its 安全管理責任者 or 企画管理者. */
  'inspection.answer': { system: true, organizationAdmin: true, facilityRoles: ['manager', 'planner'] },
  /**
   * The dashboard over many facilities (spec §1): a corporation's administrators over its facilities, an inspector
   * over the facilities that granted them access, a system administrator (a prefectural deployment) over all.
   */
  'oversight.read': { system: true, organizationAdmin: true, facilityRoles: [], inspector: true },
};

function grantAllows(grant: Grant, permission: Permission, scope: Scope): boolean {
  const rule = rules[permission];
  switch (grant.kind) {
    case 'system':
      return rule.system;
    case 'organization':
      return (
        rule.organizationAdmin &&
        (scope.kind === 'organization' || scope.kind === 'facility' || scope.kind === 'contract') &&
        scope.organizationId === grant.organizationId
      );
    case 'facility':
      if (scope.kind === 'facility' || scope.kind === 'contract') return scope.facilityId === grant.facilityId && rule.facilityRoles.includes(grant.role);
      // Facility staff see their organization's name, and nothing else organization-wide.
      return permission === 'organization.read' && scope.kind === 'organization' && scope.organizationId === grant.organizationId;
    case 'vendor':
      return rule.vendor === true && (scope.kind === 'contract' || scope.kind === 'vendor') && scope.vendorId === grant.vendorId;
    case 'inspector':
      if (scope.kind === 'facility' || scope.kind === 'contract') return rule.inspector === true && scope.facilityId === grant.facilityId;
      // The facility's organization by name, as its staff see it.
      return permission === 'organization.read' && scope.kind === 'organization' && scope.organizationId === grant.organizationId;
  }
}

/** The facility roles that hold a permission inside their own facility (who a facility's reminders go to). */
export function facilityRolesWith(permission: Permission): readonly FacilityRole[] {
  return rules[permission].facilityRoles;
}

export function can(actor: Actor, permission: Permission, scope: Scope): boolean {
  return actor.grants.some((grant) => grantAllows(grant, permission, scope));
}

/** Which side of a contract the actor acts for: the facility's staff, or the vendor's. */
export function contractSide(actor: Actor, scope: Extract<Scope, { kind: 'contract' }>): 'facility' | 'vendor' | null {
  if (can(actor, 'vendorForm.review', scope) || can(actor, 'contract.manage', scope)) return 'facility';
  if (can(actor, 'vendorForm.answer', scope)) return 'vendor';
  return can(actor, 'contract.read', scope) ? 'facility' : null;
}

export function isSystemAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.kind === 'system');
}

/**
 * The facilities a dashboard shows the actor (`oversight.read`): every facility (null) for a system administrator,
 * else their administered organizations' and the facilities that granted them inspection access. Empty: no dashboard.
 */
export function overseenFacilities(actor: Actor): { organizationIds: string[]; facilityIds: string[] } | null {
  if (isSystemAdmin(actor)) return null;
  const organizationIds: string[] = [];
  const facilityIds: string[] = [];
  for (const grant of actor.grants) {
    if (grant.kind === 'organization' && can(actor, 'oversight.read', { kind: 'organization', organizationId: grant.organizationId })) {
      organizationIds.push(grant.organizationId);
    }
    if (grant.kind === 'inspector' && can(actor, 'oversight.read', { kind: 'facility', organizationId: grant.organizationId, facilityId: grant.facilityId })) {
      facilityIds.push(grant.facilityId);
    }
  }
  return { organizationIds, facilityIds };
}

/** Organization ids where the actor may act on everything (system admins: all, so null). */
export function administeredOrganizations(actor: Actor): string[] | null {
  if (isSystemAdmin(actor)) return null;
  return actor.grants.flatMap((g) => (g.kind === 'organization' && g.role === 'admin' ? [g.organizationId] : []));
}
