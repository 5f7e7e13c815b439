import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import type { Theme } from '@mui/material/styles';
import type { News2Band } from '../../domain/news2';

/**
 * Band colours as on the NEWS2 chart (green, amber, orange, red), each with text that keeps AA
 * contrast in light and dark mode. The words always say the band too: colour is never the only
 * signal.
 */
export function bandColours(band: News2Band | 'incomplete', theme: Theme): { bg: string; fg: string } {
  const dark = theme.palette.mode === 'dark';
  switch (band) {
    case 'low':
      return { bg: theme.palette.success.main, fg: theme.palette.success.contrastText };
    case 'low-single-red':
      return { bg: theme.palette.warning.main, fg: theme.palette.warning.contrastText };
    case 'medium':
      return dark ? { bg: '#ffb68a', fg: '#2b1200' } : { bg: '#b34700', fg: '#ffffff' };
    case 'high':
      return { bg: theme.palette.error.main, fg: theme.palette.error.contrastText };
    default:
      return { bg: theme.palette.action.selected, fg: theme.palette.text.primary };
  }
}

/** "NEWS2 6 – middels risiko: haster" on the band's colour ("6 – middels" when small); "NEWS2 hittil 4 – ufullstendig" on grey. */
export function News2Badge({ total, band, complete = true, size = 'medium' }: { total: number; band: News2Band; complete?: boolean; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  // Small (in tables under a "NEWS2" header): "6 – middels".
  const text = !complete
    ? t('vitals.news2.incompleteSummary', { total })
    : size === 'small'
      ? t('vitals.news2.compact', { total, band: t(`vitals.news2.bandShort.${band}`) })
      : t('vitals.news2.summary', { total, band: t(`vitals.news2.band.${band}`) });
  return (
    <Box
      component="span"
      data-band={complete ? band : 'incomplete'}
      sx={(theme) => {
        const c = bandColours(complete ? band : 'incomplete', theme);
        return {
          display: 'inline-block',
          whiteSpace: 'nowrap',
          bgcolor: c.bg,
          color: c.fg,
          borderRadius: 1,
          px: size === 'small' ? 0.75 : 1.25,
          py: size === 'small' ? 0.25 : 0.5,
          fontWeight: 700,
          fontSize: size === 'small' ? '0.8125rem' : '1rem',
          lineHeight: 1.4,
        };
      }}
    >
      {text}
    </Box>
  );
}
