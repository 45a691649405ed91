import { useTranslation } from 'react-i18next';
import { facilityKinds, facilityRoles, prefectureCodes } from '@mamori/domain';

/** Select options built from the domain's code lists; names live only in the translation files. */
export function useOptions() {
  const { t } = useTranslation();
  return {
    kinds: facilityKinds.map((kind) => ({ value: kind, label: t(`facilityKinds.${kind}`) })),
    prefectures: prefectureCodes.map((code) => ({ value: code, label: t(`prefectures.${code}`) })),
    roles: facilityRoles.map((role) => ({ value: role, label: t(`roles.${role}`) })),
  };
}
