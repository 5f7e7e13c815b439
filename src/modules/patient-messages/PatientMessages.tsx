import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { registerExchangeStrings } from '../../exchange/i18n';
import { patientMessagesSearch } from '../../exchange/inbox';
import { messageTypeOf } from '../../exchange/messageTypes';
import { statusOf, statusTimes } from '../../exchange/status';
import { useFhirSearch } from '../../fhir/hooks';
import type { ModuleProps } from '../../layout/types';
import { formatDateTime } from '../../ui/dates';
import { QueryList } from '../../ui/QueryList';

registerExchangeStrings();

/**
 * The messages about the patient in the journal: everything sent and received between the
 * services (dialogue messages, notices, epikriser, sick notes, notices of concern), newest first,
 * with who sent it to whom, its status and the text.
 */
export default function PatientMessages({ patientId }: ModuleProps) {
  const { t } = useTranslation();
  const search = useFhirSearch('Communication', patientId ? patientMessagesSearch(patientId) : undefined);
  const messages = search.data?.resources ?? [];
  return (
    <QueryList
      items={messages}
      isPending={search.isPending}
      error={search.error}
      onRetry={() => void search.refetch()}
      emptyText={t('exchange.patient.empty')}
      label={t('exchange.patient.listLabel')}
      render={(message) => {
        const type = messageTypeOf(message.category);
        const status = statusOf(message);
        const texts = (message.payload ?? []).map((p) => p.contentString).filter(Boolean);
        return (
          <Box component="li" key={message.id} sx={{ listStyle: 'none', py: 1, borderBottom: 1, borderColor: 'divider' }}>
            <Typography component="p" variant="body2" sx={{ m: 0, display: 'flex', flexWrap: 'wrap', columnGap: 1 }}>
              <Box component="span" sx={{ color: 'text.secondary' }}>
                {formatDateTime(message.sent)}
              </Box>
              <Box component="span" sx={{ fontWeight: 600 }}>
                {t(`exchange.type.${type ?? 'unknown'}`)}
              </Box>
              <span>{t('exchange.patient.fromTo', { from: message.sender?.display ?? '', to: (message.recipient ?? []).map((r) => r.display ?? '').join(', ') })}</span>
              <span>· {t('exchange.statusAt', { status: t(`exchange.status.${status}`), time: formatDateTime(statusTimes(message)[status]) })}</span>
            </Typography>
            {texts.length > 0 && (
              <Box component="details" sx={{ typography: 'body2' }}>
                <Box component="summary" sx={{ cursor: 'pointer', minHeight: 32, py: 0.5 }}>
                  {texts[0]?.split('\n', 1)[0]}
                </Box>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                  {texts.join('\n\n')}
                </Typography>
              </Box>
            )}
          </Box>
        );
      }}
    />
  );
}
