import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import { MODULE_REGISTRY } from '../../modules/registry';
import type { LayoutNotice } from '../../layout/resolve';
import type { LayoutScope } from '../../layout/schema';
import type { ImportRefusal } from './layoutFile';

export type ImportOutcome =
  | { kind: 'refused'; reason: ImportRefusal | 'unreadable'; problems: string[] }
  | { kind: 'loaded'; file: string; notices: LayoutNotice[]; otherScope: LayoutScope | null };

/**
 * What became of an imported file: refused (with why, and the promise that nothing changed), or
 * loaded (with the modules that were skipped because this group may not use them here).
 */
export function ImportFeedback({ outcome, onClose }: { outcome: ImportOutcome; onClose: () => void }) {
  const { t } = useTranslation();
  if (outcome.kind === 'refused') {
    return (
      <Alert severity="error" role="alert" onClose={onClose} closeText={t('common.close')}>
        <AlertTitle>{t('editor.import.failed', { reason: t(`editor.import.reason.${outcome.reason}`) })}</AlertTitle>
        {t('editor.import.kept')}
        {outcome.problems.length > 0 && (
          <Box sx={{ mt: 1 }}>
            <small>{t('editor.import.details')}:</small>
            <Box component="ul" sx={{ m: 0, pl: 3 }}>
              {outcome.problems.slice(0, 10).map((p, i) => (
                <li key={i}>
                  <small>{p}</small>
                </li>
              ))}
            </Box>
          </Box>
        )}
      </Alert>
    );
  }
  const titleOf = (module: string | undefined) => {
    const manifest = module ? MODULE_REGISTRY.get(module) : undefined;
    return manifest ? t(manifest.titleKey) : (module ?? '');
  };
  const s = outcome.otherScope;
  return (
    <Alert severity={outcome.notices.length > 0 ? 'warning' : 'success'} role="status" onClose={onClose} closeText={t('common.close')}>
      {t('editor.import.done', { file: outcome.file })}
      {s && (
        <Box sx={{ mt: 1 }}>
          {t('editor.import.otherScope', {
            group: s.group ? t(`group.${s.group}`) : '–',
            device: t(`editor.device.${s.device}`),
            page: t(`editor.page.${s.page}`),
          })}
        </Box>
      )}
      {outcome.notices.length > 0 && (
        <Box sx={{ mt: 1 }}>
          {t('editor.import.skippedTitle')}
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {outcome.notices.map((n, i) => (
              <li key={i}>{t(`editor.import.skipped.${n.kind}`, { module: titleOf(n.module), detail: n.detail ?? '' })}</li>
            ))}
          </Box>
        </Box>
      )}
    </Alert>
  );
}
