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
import { SHORTCUTS } from './model';

/** The consultation's shortcuts, from the same table the key handler reads. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="consultation-shortcuts-title">
      <DialogTitle id="consultation-shortcuts-title">{t('consultation.shortcutsTitle')}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 1 }}>{t('consultation.shortcutsIntro')}</Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                {t('consultation.keys')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('consultation.action')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {SHORTCUTS.map((s) => (
              <TableRow key={s.id}>
                <TableCell>
                  <kbd>{s.label}</kbd>
                </TableCell>
                <TableCell>{t(`consultation.shortcut.${s.id}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
