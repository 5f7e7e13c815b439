import { memo, useId } from 'react';
import type { Organization, PractitionerRole } from 'fhir/r4';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { formatDateTime } from '../../ui/dates';
import { NewChip } from '../../journal/RecordedBy';
import { news2OfSet, recorderOf, type VitalSet } from '../../fhir/vitalSignShapes';
import { DISPLAY_OF_NEWS2, DISPLAY_PARAMS, recorderTexts, useFormatNumber, valueWithUnit } from './format';
import { News2Badge } from './News2Badge';

/** The newest set: its values as large tiles, NEWS2 with its band, a parameter scoring 3 flagged, and who recorded it where. */
export const LatestSet = memo(function LatestSet({
  set,
  roles,
  units,
  isNew = false,
}: {
  isNew?: boolean;
  set: VitalSet;
  roles: ReadonlyMap<string, PractitionerRole>;
  units: ReadonlyMap<string, Organization>;
}) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const headingId = useId();
  const score = news2OfSet(set);
  const flagged = new Set(score?.threes.map((p) => DISPLAY_OF_NEWS2[p]));
  const { who, where } = recorderTexts(recorderOf(set.performer, roles, units), t);
  const shown = DISPLAY_PARAMS.flatMap((param) => {
    const text = valueWithUnit(param, set.values, t, fmt);
    return text === undefined ? [] : [{ param, text }];
  });
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 1, mb: 1 }}>
        <Typography variant="h3" id={headingId}>
          {t('vitals.latest')}
        </Typography>
        <Typography color="text.secondary">{formatDateTime(set.time)}</Typography>
        {isNew && <NewChip />}
      </Box>
      {score && (
        <Box sx={{ mb: 1 }}>
          <News2Badge total={score.total} band={score.band} />
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {t(`vitals.news2.response.${score.band}`)}
          </Typography>
        </Box>
      )}
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(10.5rem, 1fr))', gap: 1, m: 0 }}>
        {shown.map(({ param, text }) => {
          const three = flagged.has(param);
          return (
            <Box key={param} data-param={param} sx={{ border: 1, borderLeftWidth: three ? 5 : 1, borderColor: three ? 'error.main' : 'divider', borderRadius: 1, px: 1, py: 0.75 }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                {t(`vitals.param.${param}`)}
              </Typography>
              <Typography component="dd" sx={{ m: 0, fontWeight: 700, fontSize: '1.15rem', whiteSpace: 'nowrap' }}>
                {text}
              </Typography>
              {three && (
                <Typography component="dd" variant="body2" color="error" sx={{ m: 0, fontWeight: 600 }}>
                  {t('vitals.news2.singleThree')}
                </Typography>
              )}
            </Box>
          );
        })}
      </Box>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {t('vitals.recordedBy', { who })}
        {where ? ` · ${where}` : ''}
      </Typography>
    </Box>
  );
});
