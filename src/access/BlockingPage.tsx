import { useId, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Composition, Consent, Organization } from 'fhir/r4';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useFhirCreate, useFhirSearch, useFhirUpdate } from '../fhir/hooks';
import { formatName } from '../fhir/format';
import { usePatient } from '../fhir/patients';
import { useSession } from '../session/store';
import { ErrorAlert } from '../ui/ErrorAlert';
import { LoadingLines } from '../ui/QueryList';
import { formatDate, formatDateTime } from '../ui/dates';
import { blockingConsent, PARTICIPATION, RESTRICTION_CATEGORY } from './consent';
import { usePatientAccess } from './api';
import { registerAccessStrings } from './strings';

registerAccessStrings();

/** A choice of one of the municipality's units, with its error under it (who is blocked; which service's records). */
function UnitSelect({ label, units, value, onChange, error }: { label: string; units: Organization[]; value: string; onChange: (id: string) => void; error: string }) {
  return (
    <FormControl error={Boolean(error)}>
      <TextField select label={label} value={value} onChange={(e) => onChange(e.target.value)} error={Boolean(error)}>
        {units.map((u) => (
          <MenuItem key={u.id} value={u.id}>
            {u.name}
          </MenuItem>
        ))}
      </TextField>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}

/**
 * The patient's GP registers a blocking (sperring) at the patient's request, and lifts one
 * (issue #8): a note, or the whole journal, for a named unit. The server enforces that only the
 * GP may, filters what is blocked, and logs every change.
 */
export function Component() {
  const { t } = useTranslation();
  const ids = useId();
  const { patientId = '', workspaceId = '' } = useParams();
  const persona = useSession((s) => s.persona);
  const patient = usePatient(patientId);
  const access = usePatientAccess(patientId);
  const blocks = useFhirSearch('Consent', { patient: patientId, category: `${RESTRICTION_CATEGORY.system}|${RESTRICTION_CATEGORY.code}`, status: 'active', _count: 100 });
  const notes = useFhirSearch('Composition', { patient: patientId, _sort: '-date', _count: 50 });
  const units = useFhirSearch('Organization', persona ? { partof: `Organization/org-${persona.municipalityCode}`, _count: 100 } : undefined);
  const create = useFhirCreate<Consent>();
  const update = useFhirUpdate<Consent>();
  const [what, setWhat] = useState<'note' | 'service' | 'journal'>('note');
  const [noteId, setNoteId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState('');
  const unitName = (ref: string | undefined) => (units.data?.resources ?? []).find((u: Organization) => `Organization/${u.id}` === ref)?.name ?? ref ?? '';
  const noteError = tried && what === 'note' && !noteId ? t('access.blocking.chooseNote') : '';
  const unitError = tried && !unitId ? t('access.blocking.chooseUnit') : '';
  const serviceError = tried && what === 'service' && !serviceId ? t('access.blocking.chooseService') : '';

  if (access.data && access.data.relation !== 'gp-list') {
    return <Alert severity="info">{t('access.blocking.gpOnly')}</Alert>;
  }

  const submit = () => {
    setTried(true);
    setSaved('');
    if (!unitId || (what === 'note' && !noteId) || (what === 'service' && !serviceId)) return;
    const consent = blockingConsent({
      patientId,
      blocked: [`Organization/${unitId}`],
      ...(what === 'note' ? { data: [`Composition/${noteId}`] } : {}),
      ...(what === 'service' ? { custodian: `Organization/${serviceId}` } : {}),
      date: new Date().toISOString(),
    });
    create.mutate(consent, {
      onSuccess: () => {
        setSaved(t('access.blocking.saved'));
        setNoteId('');
        setTried(false);
        void blocks.refetch();
      },
    });
  };

  return (
    <Box sx={{ maxWidth: 900 }}>
      <Button component={RouterLink} to={`/${workspaceId}/patient/${patientId}`} sx={{ mb: 1, minHeight: 44 }}>
        {t('access.log.back')}
      </Button>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('access.blocking.title', { name: patient.data ? formatName(patient.data.name) : '' })}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('access.blocking.intro')}</Typography>

      <Typography variant="h5" component="h2" gutterBottom>
        {t('access.blocking.active')}
      </Typography>
      {blocks.error && <ErrorAlert error={blocks.error} />}
      {blocks.isPending ? (
        <LoadingLines />
      ) : (blocks.data?.resources ?? []).length === 0 ? (
        <Typography sx={{ mb: 2 }}>{t('access.blocking.none')}</Typography>
      ) : (
        <List aria-label={t('access.blocking.active')} sx={{ mb: 2 }}>
          {(blocks.data?.resources ?? []).map((c: Consent) => {
            const unit = c.provision?.actor?.find((a) => a.role.coding?.some((k) => k.system === PARTICIPATION && k.code === 'PRCP'))?.reference.reference;
            const service = c.provision?.actor?.find((a) => a.role.coding?.some((k) => k.system === PARTICIPATION && k.code === 'CST'))?.reference.reference;
            const note = c.provision?.data?.[0]?.reference.reference?.split('/')[1];
            const noteTitle = (notes.data?.resources ?? []).find((n: Composition) => n.id === note)?.title ?? note;
            return (
              <ListItem
                key={c.id}
                secondaryAction={
                  <Button onClick={() => update.mutate({ resource: { ...c, status: 'inactive' } }, { onSuccess: () => void blocks.refetch() })} disabled={update.isPending} sx={{ minHeight: 44 }}>
                    {t('access.blocking.lift')}
                  </Button>
                }
              >
                <ListItemText
                  primary={
                    note
                      ? t('access.blocking.noteFor', { note: noteTitle, unit: unitName(unit) })
                      : service
                        ? t('access.blocking.serviceFor', { service: unitName(service), unit: unitName(unit) })
                        : t('access.blocking.journalFor', { unit: unitName(unit) })
                  }
                  secondary={formatDateTime(c.dateTime)}
                />
              </ListItem>
            );
          })}
        </List>
      )}
      {update.error && <ErrorAlert error={update.error} />}

      <Typography variant="h5" component="h2" gutterBottom>
        {t('access.blocking.new')}
      </Typography>
      <Box
        component="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}
      >
        <FormControl component="fieldset">
          <FormLabel component="legend">{t('access.blocking.what')}</FormLabel>
          <RadioGroup name={`${ids}-what`} value={what} onChange={(e) => setWhat(e.target.value as 'note' | 'service' | 'journal')}>
            <FormControlLabel value="note" control={<Radio />} label={t('access.blocking.oneNote')} sx={{ minHeight: 44 }} />
            <FormControlLabel value="service" control={<Radio />} label={t('access.blocking.oneService')} sx={{ minHeight: 44 }} />
            <FormControlLabel value="journal" control={<Radio />} label={t('access.blocking.wholeJournal')} sx={{ minHeight: 44 }} />
          </RadioGroup>
        </FormControl>
        {what === 'note' && (
          <FormControl error={Boolean(noteError)}>
            <TextField select label={t('access.blocking.note')} value={noteId} onChange={(e) => setNoteId(e.target.value)} error={Boolean(noteError)}>
              {(notes.data?.resources ?? []).map((n: Composition) => (
                <MenuItem key={n.id} value={n.id}>
                  {`${formatDate(n.date)} · ${n.title}${n.custodian?.display ? ` · ${n.custodian.display}` : ''}`}
                </MenuItem>
              ))}
            </TextField>
            {noteError && <FormHelperText>{noteError}</FormHelperText>}
          </FormControl>
        )}
        {what === 'service' && (
          <UnitSelect label={t('access.blocking.service')} units={units.data?.resources ?? []} value={serviceId} onChange={setServiceId} error={serviceError} />
        )}
        <UnitSelect label={t('access.blocking.unit')} units={units.data?.resources ?? []} value={unitId} onChange={setUnitId} error={unitError} />
        {create.error && <ErrorAlert error={create.error} titleKey="access.blocking.failed" />}
        {saved && (
          <Alert severity="success" role="status">
            {saved}
          </Alert>
        )}
        <Box>
          <Button type="submit" variant="contained" disabled={create.isPending} sx={{ minHeight: 44 }}>
            {t('access.blocking.save')}
          </Button>
        </Box>
      </Box>
    </Box>
  );
}
