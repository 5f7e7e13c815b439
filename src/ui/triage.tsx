import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import { TRIAGE_LEVELS, type TriageColour, type TriageLevel } from '../domain/triage';
import { waitOf, type EdStatus } from '../fhir/emergency';
import { useClockValue } from './clock';

/**
 * The triage level as colour and word (never colour alone), with AA contrast between the word
 * and its colour, and the time waited against the level's target, which turns into a warning as
 * the target nears and an alarm once it is passed. Shared by the triage board and the wall display.
 */
export const TRIAGE_COLOURS: Record<TriageColour | 'none', { bg: string; fg: string }> = {
  red: { bg: '#b3261e', fg: '#ffffff' },
  orange: { bg: '#a84300', fg: '#ffffff' },
  yellow: { bg: '#f2c94c', fg: '#14212b' },
  green: { bg: '#1e6b35', fg: '#ffffff' },
  blue: { bg: '#0b5cad', fg: '#ffffff' },
  none: { bg: '#e3e7ea', fg: '#14212b' },
};

export function TriageBadge({ level, size = 'normal' }: { level: TriageLevel | undefined; size?: 'normal' | 'large' }) {
  const { t } = useTranslation();
  const colour = level ? TRIAGE_LEVELS[level - 1]!.colour : 'none';
  const c = TRIAGE_COLOURS[colour];
  return (
    <Box
      component="span"
      sx={{
          display: 'inline-block',
          bgcolor: c.bg,
          color: c.fg,
          fontWeight: 700,
          borderRadius: 1,
          px: size === 'large' ? 2 : 1,
          py: size === 'large' ? 0.5 : 0.25,
          minWidth: size === 'large' ? '6em' : '5.5em',
          textAlign: 'center',
          border: colour === 'none' ? '1px dashed #3d4b57' : 'none',
          whiteSpace: 'nowrap',
      }}
    >
      {t(`emergency.level.${colour}`)}
    </Box>
  );
}

export function formatWaited(t: (key: string, o?: Record<string, unknown>) => string, minutes: number): string {
  return minutes < 60 ? t('emergency.wait.minutes', { minutes }) : t('emergency.wait.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/**
 * Time waited since arrival; subscribes to the shared clock itself, so only this cell renders as
 * time passes. Warning and alarm are said in words as well as colour.
 */
export const WaitTime = memo(function WaitTime({ arrivalMs, level, status }: { arrivalMs: number; level: TriageLevel | undefined; status: EdStatus }) {
  const { t } = useTranslation();
  // Renders again only when the minutes (and so the state) change.
  const minutes = useClockValue((now) => waitOf({ arrivalMs, level, status }, now).minutes);
  const wait = waitOf({ arrivalMs, level, status }, arrivalMs + minutes * 60_000);
  const target = level ? TRIAGE_LEVELS[level - 1]!.targetMinutes : 0;
  const text = formatWaited(t, wait.minutes);
  if (wait.state === 'alarm' || wait.state === 'warning') {
    const alarm = wait.state === 'alarm';
    return (
      <Box
        component="span"
        data-wait-state={wait.state}
        sx={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 0.75,
          fontVariantNumeric: 'tabular-nums',
          fontWeight: 700,
          px: 0.75,
          borderRadius: 1,
          bgcolor: alarm ? '#b3261e' : '#fff4d6',
          color: alarm ? '#ffffff' : '#5c3700',
          border: alarm ? 'none' : '2px solid #8a5300',
          whiteSpace: 'nowrap',
        }}
      >
        <span aria-hidden="true">{alarm ? '⚠' : '◔'}</span>
        {`${text} · ${t(alarm ? 'emergency.wait.alarmShort' : 'emergency.wait.warningShort')} (${t('emergency.wait.minutes', { minutes: target })})`}
      </Box>
    );
  }
  return (
    <Box component="span" data-wait-state={wait.state} sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {text}
    </Box>
  );
});
