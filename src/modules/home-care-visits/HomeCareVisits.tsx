import { memo, useId, useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import type { AllergyIntolerance, Flag, PractitionerRole } from 'fhir/r4';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { nextStop } from '../../domain/homeCare';
import { criticalSearch, isCoordinator, patientsWithCritical, reassigned, routeSearch, staffSearch, visitsOf, type HomeVisit } from '../../fhir/homeCare';
import { useFhirRead, useFhirSearch, useFhirUpdate } from '../../fhir/hooks';
import { homeCareEn, homeCareNb } from '../../i18n/homeCare';
import { registerModuleStrings } from '../../i18n/moduleStrings';
import type { ModuleProps } from '../../layout/types';
import { useSession } from '../../session/store';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { todayRange } from '../../ui/today';

registerModuleStrings('homeCare', { nb: homeCareNb, en: homeCareEn });

interface Worker {
  roleId: string;
  name: string;
}

function workerOfRole(role: PractitionerRole): Worker {
  return { roleId: role.id ?? '', name: role.practitioner?.display ?? '' };
}

const VisitCard = memo(function VisitCard({ visit, workspaceId, critical, isNext, onReassign }: { visit: HomeVisit; workspaceId: string; critical: boolean; isNext: boolean; onReassign?: (visit: HomeVisit) => void }) {
  const { t } = useTranslation();
  const done = visit.state === 'finished';
  return (
    <Box component="li" data-visit={visit.id} sx={{ listStyle: 'none', border: 1, borderColor: isNext ? 'primary.main' : 'divider', borderWidth: isNext ? 2 : 1, borderRadius: 1, p: 1.5, opacity: done ? 0.75 : 1 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography component="span" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>
          {t('homeCare.route.window', { from: format(visit.startMs, 'HH:mm'), to: format(visit.endMs, 'HH:mm') })}
        </Typography>
        <Chip size="small" label={t(`homeCare.route.state.${visit.state}`)} color={visit.state === 'in-progress' ? 'primary' : visit.state === 'finished' ? 'success' : 'default'} variant={visit.state === 'planned' ? 'outlined' : 'filled'} />
        {isNext && <Chip size="small" color="primary" label={t('homeCare.route.next')} />}
        {critical && <Chip size="small" color="error" label={t('homeCare.route.critical')} />}
      </Box>
      <Link component={RouterLink} to={`/${workspaceId}/visit/${visit.id}`} aria-label={t('homeCare.route.open', { name: visit.patientName })} sx={{ display: 'flex', alignItems: 'center', minHeight: 44, fontSize: '1.15rem', fontWeight: 600 }}>
        {visit.patientName}
      </Link>
      <Typography variant="body2">{visit.address}</Typography>
      {visit.access && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          <strong>{t('homeCare.route.access')}:</strong> {visit.access}
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 0.5, alignItems: 'center' }}>
        <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
          {t('homeCare.route.tasks')}:
        </Typography>
        {visit.tasks.length === 0 ? (
          <Typography variant="body2" component="span">
            {t('homeCare.route.noTasks')}
          </Typography>
        ) : (
          visit.tasks.map((task) => <Chip key={task.code} size="small" variant="outlined" label={t(`homeCare.task.${task.code}`)} />)
        )}
      </Box>
      {onReassign && !done && (
        <Box sx={{ mt: 1 }}>
          <Button variant="outlined" onClick={() => onReassign(visit)} aria-label={t('homeCare.route.reassignTitle', { name: visit.patientName })}>
            {t('homeCare.route.reassign')}
          </Button>
        </Box>
      )}
    </Box>
  );
});

function ReassignDialog({ visit, workers, onClose, onDone }: { visit: HomeVisit; workers: Worker[]; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const choices = workers.filter((w) => w.roleId !== visit.worker?.roleId);
  const [to, setTo] = useState(choices[0]?.roleId ?? '');
  const update = useFhirUpdate();
  const save = () => {
    const worker = choices.find((w) => w.roleId === to);
    if (!worker) return;
    update.mutate({ resource: reassigned(visit.appointment, worker) }, { onSuccess: () => onDone(t('homeCare.route.reassigned', { name: visit.patientName, to: worker.name })) });
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby={`${id}-title`}>
      <DialogTitle id={`${id}-title`}>{t('homeCare.route.reassignTitle', { name: visit.patientName })}</DialogTitle>
      <DialogContent>
        <TextField select fullWidth id={`${id}-to`} label={t('homeCare.route.reassignTo')} value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ select: { native: true } }} sx={{ mt: 1 }}>
          {choices.map((w) => (
            <option key={w.roleId} value={w.roleId}>
              {w.name}
            </option>
          ))}
        </TextField>
        {update.error && <ErrorAlert error={update.error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('homeCare.route.cancel')}</Button>
        <Button variant="contained" onClick={save} disabled={update.isPending || !to}>
          {t('homeCare.route.reassignSave')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * Today's visits (home care): the signed-in worker's route in order, with time window, address,
 * key code and access notes, the visit's tasks and a marker for critical information; a
 * colleague's route one choice away; the district's coordinator can move a visit to a colleague.
 */
export default function HomeCareVisits({ workspaceId }: ModuleProps) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const ids = useId();
  const [roleId, setRoleId] = useState(persona?.practitionerRoleId ?? '');
  const [moving, setMoving] = useState<HomeVisit | null>(null);
  const [notice, setNotice] = useState('');
  const today = useMemo(() => todayRange(), []);
  const route = useFhirSearch('Appointment', roleId ? routeSearch(roleId, today) : undefined);
  const own = useFhirRead('PractitionerRole', persona?.practitionerRoleId, { staleTime: Infinity });
  const coordinator = isCoordinator(own.data);
  const staff = useFhirSearch('PractitionerRole', persona ? staffSearch(persona.organizationId) : undefined, { staleTime: Infinity });
  const workers = useMemo(() => (staff.data?.resources ?? []).map(workerOfRole).sort((a, b) => a.name.localeCompare(b.name, 'nb')), [staff.data]);
  const visits = useMemo(() => visitsOf(route.data?.bundle), [route.data]);
  const patientIds = useMemo(() => [...new Set(visits.map((v) => v.patientId))].sort(), [visits]);
  const allergies = useFhirSearch('AllergyIntolerance', patientIds.length > 0 ? criticalSearch(patientIds) : undefined);
  const flags = useFhirSearch('Flag', patientIds.length > 0 ? { ...criticalSearch(patientIds), status: 'active' } : undefined);
  const critical = useMemo(() => patientsWithCritical([...((allergies.data?.resources ?? []) as AllergyIntolerance[]), ...((flags.data?.resources ?? []) as Flag[])]), [allergies.data, flags.data]);
  const next = nextStop(visits);
  const done = visits.filter((v) => v.state === 'finished').length;
  if (!persona) return null;
  const mine = roleId === persona.practitionerRoleId;
  return (
    // Room above the first field for its label, which sits on the outline (the module's frame clips).
    <Box sx={{ display: 'grid', gap: 1.5, pt: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          select
          id={`${ids}-worker`}
          label={t('homeCare.route.chooseWorker')}
          value={roleId}
          onChange={(e) => setRoleId(e.target.value)}
          slotProps={{ select: { native: true } }}
          sx={{ minWidth: '16rem', flex: '1 1 16rem' }}
        >
          <option value={persona.practitionerRoleId}>{t('homeCare.route.mine')}</option>
          {workers
            .filter((w) => w.roleId !== persona.practitionerRoleId)
            .map((w) => (
              <option key={w.roleId} value={w.roleId}>
                {w.name}
              </option>
            ))}
        </TextField>
        <Button component={RouterLink} to={`/${workspaceId}/handover`} variant="outlined">
          {t('homeCare.route.handover')}
        </Button>
      </Box>
      {coordinator && <Typography variant="body2">{t('homeCare.route.coordinator')}</Typography>}
      {notice && (
        <Alert severity="success" role="status" onClose={() => setNotice('')}>
          {notice}
        </Alert>
      )}
      {/* A refresh that fails (patchy coverage) says so above what was shown, which stays. */}
      {route.error && <ErrorAlert error={route.error} onRetry={() => void route.refetch()} />}
      {route.isPending ? (
        !route.error && <LoadingLines />
      ) : !route.data ? null : (
        <>
          <Typography role="status" sx={{ fontWeight: 600 }}>
            {!mine && `${t('homeCare.route.colleague')} ${workers.find((w) => w.roleId === roleId)?.name ?? ''}: `}
            {t('homeCare.route.count', { count: visits.length })} · {t('homeCare.route.done', { done, total: visits.length })}
          </Typography>
          {visits.length === 0 ? (
            <Typography>{t('homeCare.route.empty')}</Typography>
          ) : (
            <Box component="ol" aria-label={t('homeCare.route.listLabel')} sx={{ display: 'grid', gap: 1, p: 0, m: 0 }}>
              {visits.map((v) => (
                <VisitCard key={v.id} visit={v} workspaceId={workspaceId} critical={critical.has(v.patientId)} isNext={v.id === next?.id} onReassign={coordinator ? setMoving : undefined} />
              ))}
            </Box>
          )}
        </>
      )}
      {moving && (
        <ReassignDialog
          visit={moving}
          workers={workers}
          onClose={() => setMoving(null)}
          onDone={(text) => {
            setMoving(null);
            setNotice(text);
          }}
        />
      )}
    </Box>
  );
}
