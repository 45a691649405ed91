import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { matchPath, useLocation, useNavigate } from 'react-router';
import type { FacilityRole } from '../api/types';
import { useSession } from '../auth/session';
import { useFacilityList } from './queries';

export interface FacilityChoice {
  id: string;
  name: string;
  organizationId: string;
  role: FacilityRole | null;
}

interface CurrentFacilityValue {
  facilities: FacilityChoice[];
  current: FacilityChoice | null;
  /** Organization of the current facility, else the first one the user belongs to. */
  organizationId: string | null;
  select: (id: string) => void;
  loading: boolean;
}

const CurrentFacilityContext = createContext<CurrentFacilityValue | null>(null);
const storageKey = 'mamori.facility';

function remembered(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function remember(id: string): void {
  try {
    localStorage.setItem(storageKey, id);
  } catch {
    // Without storage the URL still carries the choice.
  }
}

export function CurrentFacilityProvider({ children }: { children: ReactNode }) {
  const { data: session } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const isAdmin = !!session && (session.user.isSystemAdmin || session.memberships.organizations.some((o) => o.role === 'admin'));
  const adminList = useFacilityList(undefined, isAdmin);

  const facilities = useMemo(() => {
    const byId = new Map<string, FacilityChoice>();
    for (const f of session?.memberships.facilities ?? []) byId.set(f.id, f);
    // An inspector's facilities: those that granted read-only inspection access (立入検査).
    for (const f of session?.memberships.inspections ?? []) if (!byId.has(f.id)) byId.set(f.id, { ...f, role: null });
    for (const f of adminList.data ?? []) {
      if (!byId.has(f.id)) byId.set(f.id, { id: f.id, name: f.name, organizationId: f.organizationId, role: null });
    }
    return [...byId.values()];
  }, [session, adminList.data]);

  const urlMatch = matchPath('/facilities/:facilityId/*', location.pathname);
  const urlId = urlMatch?.params.facilityId;
  const storedId = remembered();
  const currentId = urlId ?? (storedId && facilities.some((f) => f.id === storedId) ? storedId : (facilities[0]?.id ?? null));
  const current = facilities.find((f) => f.id === currentId) ?? null;

  useEffect(() => {
    if (urlId) remember(urlId);
  }, [urlId]);

  const select = useCallback(
    (id: string) => {
      remember(id);
      const rest = urlMatch?.params['*'];
      // Stay on the same page of the newly chosen facility; elsewhere just remember it.
      if (urlMatch) navigate(`/facilities/${id}${rest ? `/${rest}` : ''}`);
      else navigate(location.pathname === '/' ? '/' : `/facilities/${id}`);
    },
    [navigate, urlMatch, location.pathname],
  );

  const organizationId = current?.organizationId ?? session?.memberships.organizations[0]?.id ?? null;

  const value = useMemo(
    () => ({ facilities, current, organizationId, select, loading: isAdmin && adminList.isLoading }),
    [facilities, current, organizationId, select, isAdmin, adminList.isLoading],
  );
  return <CurrentFacilityContext.Provider value={value}>{children}</CurrentFacilityContext.Provider>;
}

export function useCurrentFacility(): CurrentFacilityValue {
  const value = useContext(CurrentFacilityContext);
  if (!value) throw new Error('useCurrentFacility outside CurrentFacilityProvider');
  return value;
}
