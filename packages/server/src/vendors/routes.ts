import type { Routes } from '../http/types.js';
import { answerSetRoutes } from './answer-sets-routes.js';
import { contractRoutes } from './contracts-routes.js';
import { disclosureRoutes } from './disclosures-routes.js';
import { vendorFormRoutes } from './forms-routes.js';
import { vendorInvitationRoutes } from './invitation-routes.js';
import { roleSharingRoutes } from './role-sharing-routes.js';

/** Contracts, the vendor portal, answer sets, the MDS/SDS register and the role-sharing table. */
export const vendorRoutes: Routes = (app, deps) => {
  contractRoutes(app, deps);
  vendorFormRoutes(app, deps);
  vendorInvitationRoutes(app, deps);
  answerSetRoutes(app, deps);
  disclosureRoutes(app, deps);
  roleSharingRoutes(app, deps);
};
