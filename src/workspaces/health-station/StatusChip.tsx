import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import type { DueStatus } from '../../domain/childProgramme';

const COLOUR: Record<DueStatus | 'missed', 'success' | 'warning' | 'error' | 'default' | 'info'> = {
  done: 'success',
  due: 'info',
  overdue: 'error',
  missed: 'warning',
  upcoming: 'default',
};

/** A status in words, with a colour that only repeats what the word says. */
export function StatusChip({ status, label }: { status: DueStatus | 'missed'; label?: string }) {
  const { t } = useTranslation();
  return <Chip size="small" variant={status === 'upcoming' ? 'outlined' : 'filled'} color={COLOUR[status]} label={label ?? t(`hs.status.${status}`)} />;
}
