// Names for what the API sends and takes, read off the generated `schema.d.ts` (never written by hand, so they
// cannot drift from the server). Enumerations such as FacilityRole come from @mamori/domain, as the rules do.
import type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** The JSON a route answers with (200). */
export type ResponseOf<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

/** The JSON body a route takes. */
export type BodyOf<P extends keyof paths, M extends Method> =
  NonNullable<Operation<P, M>['requestBody']> extends { content: { 'application/json': infer T } } ? T : never;

/** The query string a route takes. */
export type QueryOf<P extends keyof paths, M extends Method = 'get'> = NonNullable<Operation<P, M>['parameters']['query']>;

export type { FacilityKind, FacilityRole, Locale } from '@mamori/domain';

export type SessionInfo = ResponseOf<'/auth/session'>;
export type CurrentUser = SessionInfo['user'];
export type Organization = ResponseOf<'/organizations/{organizationId}'>;
export type Facility = ResponseOf<'/facilities/{facilityId}'>;
export type FacilityMember = ResponseOf<'/facilities/{facilityId}/members'>[number];
export type ApiToken = ResponseOf<'/me/tokens'>[number];
export type CreatedToken = ResponseOf<'/me/tokens', 'post'>;
export type AuditEvent = ResponseOf<'/audit-events'>['items'][number];
export type Invitation = ResponseOf<'/organizations/{organizationId}/invitations'>[number];
