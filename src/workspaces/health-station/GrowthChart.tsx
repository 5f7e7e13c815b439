import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import type { Sex } from '../../domain/growth';
import type { ChartModel } from './chartModel';
import { formatDay, formatNumber } from './format';

const W = 520;
const H = 320;
const PAD = { left: 44, right: 40, top: 22, bottom: 40 };
const DAYS_PER_MONTH = 30.4375;

/**
 * One WHO growth chart as SVG: the 3rd–97th percentile lines, the child's measurements joined
 * in time order, flagged points drawn as squares. An image with a title and a description;
 * the table beside it is the text alternative with every value, z-score and flag in words.
 */
export const GrowthChart = memo(function GrowthChart({ model, sex }: { model: ChartModel; sex: Sex }) {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  const titleId = useId();
  const descId = useId();
  const sx = (x: number) => PAD.left + ((x - model.xMin) / (model.xMax - model.xMin)) * (W - PAD.left - PAD.right);
  const sy = (y: number) => H - PAD.bottom - ((y - model.yMin) / (model.yMax - model.yMin)) * (H - PAD.top - PAD.bottom);
  const byAge = model.indicator !== 'wfl';
  const unit = model.indicator === 'wfa' || model.indicator === 'wfl' ? 'kg' : 'cm';
  const decimals = unit === 'kg' ? 2 : 1;
  const title = t(`hs.growth.chartTitle.${model.indicator}`);
  const last = model.points.at(-1);
  const desc = last
    ? t('hs.growth.chartDesc', {
        title,
        sex: t(`hs.growth.sex.${sex}`),
        count: model.points.length,
        last: t('hs.growth.point', { date: formatDay(last.date), value: `${formatNumber(last.value, i18n.language, decimals)} ${unit}`, z: formatNumber(last.z, i18n.language, 1), percentile: formatNumber(last.percentile, i18n.language, 0) }),
      })
    : t('hs.growth.chartDescNone', { title, sex: t(`hs.growth.sex.${sex}`) });
  const line = theme.palette.text.secondary;
  const path = (pts: Array<[number, number]>) => pts.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join('');
  return (
    <Box component="figure" sx={{ m: 0 }}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={titleId} aria-describedby={descId} style={{ display: 'block', maxWidth: W * 1.4 }}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{desc}</desc>
        <g stroke={theme.palette.divider} strokeWidth={1}>
          {model.yTicks.map((y) => (
            <line key={`y${y}`} x1={PAD.left} x2={W - PAD.right} y1={sy(y)} y2={sy(y)} />
          ))}
          {model.xTicks.map((x) => (
            <line key={`x${x}`} x1={sx(x)} x2={sx(x)} y1={PAD.top} y2={H - PAD.bottom} />
          ))}
        </g>
        <g fill={theme.palette.text.primary} fontSize={11}>
          {model.yTicks.map((y) => (
            <text key={`ty${y}`} x={PAD.left - 6} y={sy(y) + 4} textAnchor="end">
              {formatNumber(y, i18n.language, y % 1 === 0 ? 0 : 1)}
            </text>
          ))}
          {model.xTicks.map((x) => (
            <text key={`tx${x}`} x={sx(x)} y={H - PAD.bottom + 16} textAnchor="middle">
              {byAge ? Math.round(x / DAYS_PER_MONTH) : x}
            </text>
          ))}
          <text x={(PAD.left + W - PAD.right) / 2} y={H - 6} textAnchor="middle">
            {byAge ? t('hs.growth.axisAgeMonths') : t('hs.growth.axisLength')}
          </text>
          <text x={PAD.left - 6} y={12} textAnchor="end">
            {unit}
          </text>
        </g>
        <g fill="none" stroke={line}>
          {model.curves.map((c) => (
            <path key={c.p} d={path(c.points)} strokeWidth={c.p === 50 ? 2 : 1.2} strokeDasharray={c.p === 3 || c.p === 97 ? '6 4' : undefined} />
          ))}
        </g>
        <g fill={theme.palette.text.primary} fontSize={11}>
          {model.curves.map((c) => {
            const end = c.points.at(-1);
            return end ? (
              <text key={c.p} x={sx(end[0]) + 4} y={sy(end[1]) + 4}>
                {t('hs.growth.percentileShort', { p: c.p })}
              </text>
            ) : null;
          })}
        </g>
        {model.points.length > 1 && <path d={path(model.points.map((p) => [p.x, p.value]))} fill="none" stroke={theme.palette.primary.main} strokeWidth={1.5} />}
        <g>
          {model.points.map((p) => {
            const flagged = p.beyondTwoZ || p.crossedTwoLines || p.implausible;
            const x = sx(p.x);
            const y = sy(p.value);
            return flagged ? (
              <rect key={`${p.date}-${p.x}`} x={x - 5} y={y - 5} width={10} height={10} fill={theme.palette.error.main} data-point={p.date} />
            ) : (
              <circle key={`${p.date}-${p.x}`} cx={x} cy={y} r={4.5} fill={theme.palette.primary.main} data-point={p.date} />
            );
          })}
        </g>
      </svg>
    </Box>
  );
});
