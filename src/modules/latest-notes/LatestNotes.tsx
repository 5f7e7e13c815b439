import { useTranslation } from 'react-i18next';
import type { Composition } from 'fhir/r4';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { conceptText } from '../../fhir/format';
import { useFhirSearch } from '../../fhir/hooks';
import { narrativeText } from '../../fhir/narrative';
import { patientSearches } from '../../fhir/patients';
import type { ModuleProps } from '../../layout/types';
import { formatDateTime } from '../../ui/dates';
import { QueryList } from '../../ui/QueryList';

function NoteItem({ note }: { note: Composition }) {
  const { t } = useTranslation();
  return (
    <ListItem disableGutters sx={{ display: 'block', borderBottom: 1, borderColor: 'divider', pb: 1, mb: 1 }}>
      <Typography component="div" sx={{ fontWeight: 600 }}>
        {note.title}
        <Chip size="small" variant="outlined" label={conceptText(note.type)} sx={{ ml: 1 }} />
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {[formatDateTime(note.date), note.author?.[0]?.display, note.custodian?.display].filter(Boolean).join(' · ')}
        {note.status !== 'final' ? ` · ${t(`notes.status.${note.status}`)}` : ''}
      </Typography>
      {note.section?.map((section, index) => (
        <Box key={index} sx={{ mt: 0.5 }}>
          {section.title && (
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {section.title}
            </Typography>
          )}
          <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
            {narrativeText(section.text?.div)}
          </Typography>
        </Box>
      ))}
    </ListItem>
  );
}

export default function LatestNotes({ patientId }: ModuleProps) {
  const { t } = useTranslation();
  const notes = useFhirSearch('Composition', patientId ? patientSearches.latestNotes(patientId) : undefined);
  return (
    <QueryList
      items={notes.data?.resources ?? []}
      isPending={notes.isPending}
      error={notes.error}
      onRetry={() => void notes.refetch()}
      emptyText={t('notes.none')}
      render={(n) => <NoteItem key={n.id} note={n} />}
    />
  );
}
