import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Immunization } from 'fhir/r4';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { VACCINES, VACCINE_SITES, type DoseState, type ProgrammeDose, type VaccineSite } from '../../domain/childProgramme';
import { useFhirCreate } from '../../fhir/hooks';
import type { Persona } from '../../session/personnel';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { StatusChip } from './StatusChip';
import { dateAtAge, formatDay } from './format';
import { immunizationOf } from './model';

function DoseDialog({ dose, patientId, birthDate, today, persona, onClose, onSaved }: {
  dose: ProgrammeDose;
  patientId: string;
  birthDate: string;
  today: string;
  persona: Persona;
  onClose: () => void;
  onSaved: (dose: ProgrammeDose) => void;
}) {
  const { t } = useTranslation();
  const vaccine = VACCINES[dose.vaccine];
  const [date, setDate] = useState(today);
  const [lot, setLot] = useState('');
  const [site, setSite] = useState<VaccineSite | ''>(vaccine.defaultSite ?? '');
  const [tried, setTried] = useState(false);
  const create = useFhirCreate<Immunization>();
  const lotError = tried && lot.trim() === '';
  const dateError = tried && (date === '' || date > today || date < birthDate);
  const name = t(`hs.vaccine.${dose.vaccine}`);
  const save = () => {
    setTried(true);
    if (lot.trim() === '' || date === '' || date > today || date < birthDate) return;
    const input = { dose, date, lotNumber: lot, ...(site ? { site } : {}) };
    create.mutate(immunizationOf(input, patientId, persona, new Date()), { onSuccess: () => onSaved(dose) });
  };
  return (
    <Dialog open onClose={create.isPending ? undefined : onClose} aria-labelledby="dose-title" fullWidth maxWidth="sm">
      <DialogTitle id="dose-title">{t('hs.dose.title')}</DialogTitle>
      <DialogContent>
        <Box component="form" id="dose-form" noValidate onSubmit={(e) => { e.preventDefault(); save(); }} sx={{ display: 'grid', gap: 2, pt: 1 }}>
          <Typography>
            <strong>{t('hs.dose.vaccine')}:</strong> {name} ({t(`hs.vaccineLong.${dose.vaccine}`)}), {t('hs.vaccines.dose').toLocaleLowerCase()} {dose.dose}
          </Typography>
          <TextField label={t('hs.dose.date')} type="date" value={date} onChange={(e) => setDate(e.target.value)} required error={dateError} helperText={dateError ? t('hs.dose.dateInvalid') : ' '} slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today, min: birthDate } }} />
          <TextField label={t('hs.dose.lot')} value={lot} onChange={(e) => setLot(e.target.value)} required error={lotError} helperText={lotError ? t('hs.dose.lotRequired') : t('hs.dose.lotHelp')} autoComplete="off" />
          {vaccine.route === 'oral' ? (
            <Typography color="text.secondary">{t('hs.dose.oralSite')}</Typography>
          ) : (
            <TextField select label={t('hs.dose.site')} value={site} onChange={(e) => setSite(e.target.value as VaccineSite)}>
              {VACCINE_SITES.map((s) => (
                <MenuItem key={s} value={s}>
                  {t(`hs.site.${s}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          <Typography>
            <strong>{t('hs.dose.who')}:</strong> {persona.name}
          </Typography>
          {create.error && (
            <Box>
              <Alert severity="error">{t('hs.dose.failed')}</Alert>
              <ErrorAlert error={create.error} />
            </Box>
          )}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={create.isPending} sx={{ minHeight: 44 }}>
          {t('hs.dose.cancel')}
        </Button>
        <Button type="submit" form="dose-form" variant="contained" disabled={create.isPending} sx={{ minHeight: 44 }}>
          {create.isPending ? t('hs.dose.saving') : t('hs.dose.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The childhood immunisation programme per vaccine and dose: given, due, overdue; a given dose registered here. */
export function VaccinesPanel({ patientId, birthDate, today, doses, immunizations, persona }: {
  patientId: string;
  birthDate: string;
  today: string;
  doses: DoseState[];
  immunizations: Immunization[];
  persona: Persona;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ProgrammeDose | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const lotOf = (id: string | undefined) => immunizations.find((i) => i.id === id)?.lotNumber ?? '–';
  const rows = (list: DoseState[], school: boolean) => (
    <Table size="small" aria-label={school ? t('hs.vaccines.schoolTitle') : t('hs.vaccines.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('hs.vaccines.vaccine')}</TableCell>
          <TableCell>{t('hs.vaccines.dose')}</TableCell>
          <TableCell>{t('hs.vaccines.dueAge')}</TableCell>
          <TableCell>{t('hs.vaccines.status')}</TableCell>
          {!school && <TableCell>{t('hs.vaccines.details')}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {list.map((d) => {
          const name = t(`hs.vaccine.${d.dose.vaccine}`);
          return (
            <TableRow key={`${d.dose.vaccine}-${d.dose.dose}`}>
              <TableCell component="th" scope="row">
                {name}
              </TableCell>
              <TableCell>{d.dose.dose}</TableCell>
              <TableCell>{d.dose.consultation ? t(`hs.consultation.${d.dose.consultation}`) : formatDay(dateAtAge(birthDate, d.dose.dueFromDays))}</TableCell>
              <TableCell>
                <StatusChip status={d.status} label={d.status === 'done' ? t('hs.status.given') : undefined} />
              </TableCell>
              {!school && (
                <TableCell>
                  {d.given ? (
                    t('hs.vaccines.given', { date: formatDay(d.given.date), lot: lotOf(d.given.id) })
                  ) : d.status === 'due' || d.status === 'overdue' ? (
                    <Button variant="outlined" size="small" sx={{ minHeight: 44 }} onClick={() => { setSaved(null); setOpen(d.dose); }} aria-label={t('hs.vaccines.register', { vaccine: name, dose: d.dose.dose })}>
                      {t('hs.vaccines.registerShort')}
                    </Button>
                  ) : null}
                </TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box role="status">{saved && <Alert severity="success">{saved}</Alert>}</Box>
      {rows(doses.filter((d) => !d.dose.school), false)}
      <Typography component="h3" variant="h3">
        {t('hs.vaccines.schoolTitle')}
      </Typography>
      {rows(doses.filter((d) => d.dose.school), true)}
      {open && (
        <DoseDialog
          dose={open}
          patientId={patientId}
          birthDate={birthDate}
          today={today}
          persona={persona}
          onClose={() => setOpen(null)}
          onSaved={(dose) => {
            setOpen(null);
            setSaved(t('hs.dose.saved', { vaccine: t(`hs.vaccine.${dose.vaccine}`), dose: dose.dose }));
          }}
        />
      )}
    </Box>
  );
}
