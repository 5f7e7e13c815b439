import { useTranslation } from 'react-i18next';
import type { Appointment } from 'fhir/r4';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { currentConsultation, type ConsultationState, type DoseState } from '../../domain/childProgramme';
import { formatDateTime } from '../../ui/dates';
import { StatusChip } from './StatusChip';
import { dateAtAge, formatDay } from './format';

/** The consultation programme by the child's age: done, due, overdue, and the next one booked or to book. */
export function ProgrammePanel({ birthDate, programme, doses, booked }: { birthDate: string; programme: ConsultationState[]; doses: DoseState[]; booked: Appointment[] }) {
  const { t } = useTranslation();
  const current = currentConsultation(programme);
  const next = booked[0];
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Alert severity={current && current.status === 'overdue' ? 'warning' : 'info'} role="status" aria-label={t('hs.programme.next')}>
        <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>
          {t('hs.programme.next')}
          {current ? `: ${t(`hs.consultation.${current.consultation.key}`)} (${t(`hs.status.${current.status}`).toLocaleLowerCase()})` : ''}
        </Typography>
        <Typography>
          {!current
            ? t('hs.programme.none')
            : next
              ? t('hs.programme.bookedAt', { when: formatDateTime(next.start) })
              : current.status === 'upcoming'
                ? t('hs.programme.toBook', { date: formatDay(dateAtAge(birthDate, current.consultation.dueFromDays)) })
                : t('hs.programme.toBookNow')}
        </Typography>
      </Alert>
      <Table size="small" aria-label={t('hs.programme.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('hs.programme.consultation')}</TableCell>
            <TableCell>{t('hs.programme.dueAge')}</TableCell>
            <TableCell>{t('hs.programme.statusCol')}</TableCell>
            <TableCell>{t('hs.programme.vaccinesCol')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {programme.map((s) => {
            const c = s.consultation;
            const mine = doses.filter((d) => d.dose.consultation === c.key);
            return (
              <TableRow key={c.key} selected={s === current}>
                <TableCell component="th" scope="row">
                  <Typography sx={{ fontWeight: 600 }}>{t(`hs.consultation.${c.key}`)}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {t(`hs.kind.${c.kind}`)}
                    {c.doctor ? `, ${t('hs.kind.doctor')}` : ''}
                  </Typography>
                </TableCell>
                <TableCell>{formatDay(dateAtAge(birthDate, c.dueFromDays))}</TableCell>
                <TableCell>
                  <StatusChip status={s.status} label={s.contact ? t('hs.programme.doneOn', { status: t('hs.status.done'), date: formatDay(s.contact.date) }) : undefined} />
                </TableCell>
                <TableCell>
                  {mine.map((d) => (
                    <Typography key={`${d.dose.vaccine}-${d.dose.dose}`} variant="body2">
                      {d.given
                        ? t('hs.programme.doseGiven', { vaccine: t(`hs.vaccine.${d.dose.vaccine}`), dose: d.dose.dose, date: formatDay(d.given.date) })
                        : t('hs.programme.doseOpen', { vaccine: t(`hs.vaccine.${d.dose.vaccine}`), dose: d.dose.dose, status: t(`hs.status.${d.status}`).toLocaleLowerCase() })}
                    </Typography>
                  ))}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
