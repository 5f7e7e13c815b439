import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useRuntimeConfig } from '../configContext';
import { useFhirClient } from '../../fhir/context';
import { personasFromServer } from '../../fhir/auth';
import { HELSEID_HPR_CLAIM, userManager } from '../../session/oidc';
import { useSession } from '../../session/store';
import { WORKSPACE_OF_GROUP } from '../../session/personnel';
import { ErrorAlert } from '../../ui/ErrorAlert';

/**
 * Back from HelseID: finish the code flow, then find the signed-in person's role on the FHIR
 * server by their HPR number.
 */
export function Component() {
  const { t } = useTranslation();
  const { config } = useRuntimeConfig();
  const client = useFhirClient();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!config.oidc) return;
    const oidc = config.oidc;
    void (async () => {
      try {
        const manager = await userManager(oidc, window.location.origin);
        const user = await manager.signinRedirectCallback();
        useSession.getState().signIn(
          { id: 'oidc', name: user.profile.name ?? '', personnelGroup: 'gp', practitionerId: '', practitionerRoleId: '', organizationId: '', unitName: '', unitKind: 'gp-office', municipalityCode: '', municipalityName: '' },
          user.access_token,
        );
        const hpr = String((user.profile as Record<string, unknown>)[HELSEID_HPR_CLAIM] ?? '');
        const personas = await personasFromServer(client);
        const persona = personas.find((p) => p.hprNumber && p.hprNumber === hpr);
        if (!persona) throw new Error(t('signIn.noRoleForHpr', { hpr }));
        useSession.getState().signIn(persona, user.access_token);
        await navigate(`/${WORKSPACE_OF_GROUP[persona.personnelGroup]}`, { replace: true });
      } catch (e) {
        useSession.getState().signOut();
        setError(e);
      }
    })();
  }, [client, config.oidc, navigate, t]);

  return (
    <Box component="main" sx={{ maxWidth: 640, mx: 'auto', p: 4 }}>
      <Typography variant="h1">{t('signIn.oidcCompleting')}</Typography>
      {error ? <ErrorAlert error={error} /> : null}
    </Box>
  );
}

