import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PractitionerRole } from 'fhir/r4';
import MenuItem from '@mui/material/MenuItem';
import { LEADER_CODE } from '../domain/access';
import { useFhirRead } from '../fhir/hooks';
import { useSession } from '../session/store';
import { WORKSPACE_OF_GROUP } from '../session/personnel';
import { registerAccessStrings } from './strings';

registerAccessStrings();

export function isLeader(role: PractitionerRole | undefined): boolean {
  return Boolean(role?.code?.some((c) => c.coding?.some((k) => k.system === LEADER_CODE.system && k.code === LEADER_CODE.code)));
}

/** The unit leader's way to the review of explicit and emergency accesses (only a leader sees it). */
export function LeaderMenuItem({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const persona = useSession((s) => s.persona);
  const role = useFhirRead('PractitionerRole', persona?.practitionerRoleId, { staleTime: Infinity });
  if (!persona || !isLeader(role.data)) return null;
  return (
    <MenuItem
      onClick={() => {
        onClick();
        void navigate(`/${WORKSPACE_OF_GROUP[persona.personnelGroup]}/access-review`);
      }}
    >
      {t('access.review.open')}
    </MenuItem>
  );
}
