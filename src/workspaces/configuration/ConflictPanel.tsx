import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { MODULE_REGISTRY } from '../../modules/registry';
import type { LayoutItem } from '../../layout/schema';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ConfirmDialog } from './ConfirmDialog';

/** What the server holds now, after a save was refused because someone else saved first. */
export type TheirVersion = { state: 'loading' } | { state: 'gone' } | { state: 'ready'; items: LayoutItem[] } | { state: 'failed'; error: unknown };

function ModuleList({ items }: { items: LayoutItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Typography variant="body2">{t('editor.conflict.empty')}</Typography>;
  return (
    <Box component="ol" sx={{ m: 0, pl: 3 }}>
      {items.map((i) => {
        const manifest = MODULE_REGISTRY.get(i.module);
        return (
          <li key={i.module}>
            {manifest ? t(manifest.titleKey) : i.module} ({i.w}×{i.h})
          </li>
        );
      })}
    </Box>
  );
}

/**
 * A 412 on save: both versions side by side, and the administrator decides. Nothing is
 * overwritten without an explicit confirmation.
 */
export function ConflictPanel({ mine, theirs, onReload, onOverwrite }: { mine: LayoutItem[]; theirs: TheirVersion; onReload: () => void; onOverwrite: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <Alert severity="warning" role="alert">
      <AlertTitle>{t('editor.conflict.title')}</AlertTitle>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('editor.conflict.body')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2, mb: 1 }}>
        <Box>
          <Typography component="h3" variant="h3">
            {t('editor.conflict.theirs')}
          </Typography>
          {theirs.state === 'loading' && <Typography variant="body2">{t('editor.conflict.loading')}</Typography>}
          {theirs.state === 'gone' && <Typography variant="body2">{t('editor.conflict.gone')}</Typography>}
          {theirs.state === 'ready' && <ModuleList items={theirs.items} />}
          {theirs.state === 'failed' && <ErrorAlert error={theirs.error} />}
        </Box>
        <Box>
          <Typography component="h3" variant="h3">
            {t('editor.conflict.mine')}
          </Typography>
          <ModuleList items={mine} />
        </Box>
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        <Button variant="outlined" color="inherit" onClick={onReload} disabled={theirs.state === 'loading'}>
          {t('editor.conflict.reload')}
        </Button>
        <Button variant="contained" color="warning" onClick={() => setConfirming(true)} disabled={theirs.state === 'loading'}>
          {t('editor.conflict.overwrite')}
        </Button>
      </Box>
      <ConfirmDialog
        open={confirming}
        title={t('editor.conflict.overwriteTitle')}
        body={t('editor.conflict.overwriteBody')}
        confirmLabel={t('editor.conflict.overwriteConfirm')}
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onOverwrite();
        }}
      />
    </Alert>
  );
}
