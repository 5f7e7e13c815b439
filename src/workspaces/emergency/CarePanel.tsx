import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Encounter } from 'fhir/r4';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ED_STATUSES, roomLabel, withBoardStatus, withResponsible, withRoom, type EdStatus, type EdVisit } from '../../fhir/emergency';
import { useFhirSearch, useFhirUpdate } from '../../fhir/hooks';
import type { Persona } from '../../session/personnel';
import { nowMs } from '../../ui/clock';
import { ErrorAlert } from '../../ui/ErrorAlert';

/**
 * Who is responsible (one press: "I am the nurse" / "I take the patient"), which room, and the
 * board status. Each change is one update with If-Match; a conflict says so and the visit is read again.
 */
export function CarePanel({ visit, persona, tablet, onConflict }: { visit: EdVisit; persona: Persona; tablet: boolean; onConflict: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const update = useFhirUpdate<Encounter>();
  const [saved, setSaved] = useState(false);
  const rooms = useFhirSearch('Location', { organization: `Organization/${persona.organizationId}`, _count: 50 }, { staleTime: 10 * 60_000 });
  const roomOptions = (rooms.data?.resources ?? []).filter((l) => l.name !== persona.unitName);
  const size = tablet ? 'medium' : 'small';
  const me = { reference: `PractitionerRole/${persona.practitionerRoleId}`, display: persona.name };

  const write = (next: Encounter) => {
    setSaved(false);
    update.mutate(
      { resource: next, ifMatch: visit.encounter.meta?.versionId ?? false },
      {
        onSuccess: () => setSaved(true),
        onError: (error) => {
          if (error.kind === 'conflict') onConflict();
        },
      },
    );
  };

  const isNurse = persona.personnelGroup === 'ed-nurse';
  const isDoctor = persona.personnelGroup === 'ed-doctor';
  const mine = (who: 'nurse' | 'doctor') => visit[who]?.reference === me.reference;

  return (
    <Box sx={{ display: 'grid', gap: 1.5 }}>
      <Typography>
        {t('edPages.care.nurse', { name: visit.nurse?.name ?? t('emergency.nobody') })} · {t('edPages.care.doctor', { name: visit.doctor?.name ?? t('emergency.nobody') })}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
        {isNurse && !mine('nurse') && (
          <Button variant="outlined" disabled={update.isPending} onClick={() => write(withResponsible(visit.encounter, 'nurse', me))}>
            {t('edPages.care.takeNurse')}
          </Button>
        )}
        {isDoctor && !mine('doctor') && (
          <Button
            variant="contained"
            disabled={update.isPending}
            onClick={() => {
              const taken = withResponsible(visit.encounter, 'doctor', me);
              write(visit.status === 'waiting-doctor' || visit.status === 'waiting-triage' ? withBoardStatus(taken, 'treatment', nowMs()) : taken);
            }}
          >
            {t('edPages.care.takeDoctor')}
          </Button>
        )}
        <TextField
          select
          id={`${ids}-room`}
          label={t('edPages.care.room')}
          value={visit.room?.reference ?? ''}
          disabled={update.isPending}
          onChange={(e) => {
            const room = roomOptions.find((l) => `Location/${l.id ?? ''}` === e.target.value);
            write(withRoom(visit.encounter, room ? { reference: `Location/${room.id ?? ''}`, display: room.name ?? '' } : undefined));
          }}
          size={size}
          sx={{ minWidth: '14rem' }}
        >
          <MenuItem value="">{t('edPages.care.noRoom')}</MenuItem>
          {roomOptions.map((l) => (
            <MenuItem key={l.id} value={`Location/${l.id ?? ''}`}>
              {roomLabel(l.name)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          id={`${ids}-status`}
          label={t('edPages.care.status')}
          value={visit.status}
          disabled={update.isPending}
          onChange={(e) => write(withBoardStatus(visit.encounter, e.target.value as EdStatus, nowMs()))}
          size={size}
          sx={{ minWidth: '14rem' }}
        >
          {ED_STATUSES.map((s) => (
            <MenuItem key={s} value={s} disabled={s === 'waiting-triage' && visit.level !== undefined}>
              {t(`emergency.status.${s}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {saved && !update.isPending && (
        <Alert severity="success" role="status" onClose={() => setSaved(false)}>
          {t('edPages.care.saved')}
        </Alert>
      )}
      {update.error && (update.error.kind === 'conflict' ? <Alert severity="warning">{t('edPages.care.conflict')}</Alert> : <ErrorAlert error={update.error} />)}
    </Box>
  );
}
