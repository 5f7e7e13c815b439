import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { KIT_ATTRIBUTE } from './recorder';
import { summarise, type Run } from './results';

const seconds = (ms: number | undefined) => (ms === undefined ? '–' : `${Math.round(ms / 100) / 10} s`);

/** Per task across participants: success rate, median time on task and clicks; the SUS scores. */
export function SummaryDialog({ open, runs, onClose }: { open: boolean; runs: readonly Run[]; onClose(): void }) {
  const { t } = useTranslation();
  const summary = summarise(runs);
  return (
    <Dialog {...{ [KIT_ATTRIBUTE]: '' }} open={open} onClose={onClose} fullWidth maxWidth="md" aria-labelledby="kit-summary-title">
      <DialogTitle id="kit-summary-title" component="h2">
        {t('kit.summary.title')}
      </DialogTitle>
      <DialogContent>
        {summary.tasks.length === 0 ? (
          <Typography>{t('kit.summary.none')}</Typography>
        ) : (
          <Table size="small" aria-labelledby="kit-summary-title">
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">{t('kit.summary.task')}</TableCell>
                <TableCell component="th" scope="col" align="right">{t('kit.summary.attempts')}</TableCell>
                <TableCell component="th" scope="col" align="right">{t('kit.summary.successRate')}</TableCell>
                <TableCell component="th" scope="col" align="right">{t('kit.summary.medianTime')}</TableCell>
                <TableCell component="th" scope="col" align="right">{t('kit.summary.medianClicks')}</TableCell>
                <TableCell component="th" scope="col" align="right">{t('kit.summary.errors')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {summary.tasks.map((task) => (
                <TableRow key={task.taskId}>
                  <TableCell component="th" scope="row">{task.title}</TableCell>
                  <TableCell align="right">{task.attempts}</TableCell>
                  <TableCell align="right">{`${Math.round(task.successRate * 100)} % (${task.successes}/${task.attempts})`}</TableCell>
                  <TableCell align="right">{seconds(task.medianTimeMs)}</TableCell>
                  <TableCell align="right">{task.medianClicks ?? '–'}</TableCell>
                  <TableCell align="right">{task.errors}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700, mt: 3 }}>
          {t('kit.summary.sus')}
        </Typography>
        {summary.sus.length === 0 ? (
          <Typography>{t('kit.summary.none')}</Typography>
        ) : (
          <>
            <Table size="small" aria-label={t('kit.summary.sus')}>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">{t('kit.summary.participant')}</TableCell>
                  <TableCell component="th" scope="col" align="right">{t('kit.summary.score')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {summary.sus.map((s, i) => (
                  <TableRow key={`${s.participant}-${i}`}>
                    <TableCell component="th" scope="row">{s.participant}</TableCell>
                    <TableCell align="right">{s.score}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {summary.meanSus !== undefined && <Typography sx={{ mt: 1 }}>{t('kit.summary.mean', { score: Math.round(summary.meanSus * 10) / 10 })}</Typography>}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} sx={{ minHeight: 44 }}>
          {t('kit.summary.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
