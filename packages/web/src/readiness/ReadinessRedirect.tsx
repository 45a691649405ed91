import { Navigate, useParams } from 'react-router';
import { readinessPaths } from './paths';

/** Older links to the placeholder page (/facilities/:id/incidents) open the incident-readiness overview. */
export function ReadinessRedirect() {
  const { facilityId = '' } = useParams();
  return <Navigate to={readinessPaths.overview(facilityId)} replace />;
}
