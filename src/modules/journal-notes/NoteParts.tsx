import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { formatDateTime } from '../../ui/dates';
import { groupText, provenanceText } from '../../journal/RecordedBy';
import type { Provenance } from '../../journal/provenance';
import type { NoteSectionView, NoteView } from './model';
import { isNoteTypeCode } from '../../journal/notes/noteTypes';

/** The note type as the reader's language says it (the stored display for types the table does not know). */
export function typeLabel(t: TFunction, code: string | undefined, fallback: string): string {
  return isNoteTypeCode(code) ? t(`journal.type.${code}`) : fallback || (code ?? '');
}

export function groupLabel(t: TFunction, note: Pick<NoteView, 'authorGroup' | 'authorRoleText'>): string {
  return groupText(t, { ...(note.authorGroup ? { group: note.authorGroup } : {}), ...(note.authorRoleText ? { roleText: note.authorRoleText } : {}) });
}

/** "Name (group) · unit · service · municipality": who recorded the note and where. */
export function whoAndWhere(t: TFunction, note: NoteView): string {
  const p: Provenance = { name: note.authorName, unitName: note.unitName };
  if (note.authorGroup) p.group = note.authorGroup;
  if (note.authorRoleText) p.roleText = note.authorRoleText;
  if (note.service) p.service = note.service;
  if (note.municipality) p.municipality = note.municipality;
  return provenanceText(t, p);
}

export function StatusChip({ label, color }: { label: string; color: 'default' | 'warning' | 'info' | 'success' }) {
  return <Chip component="span" size="small" variant={color === 'default' ? 'outlined' : 'filled'} color={color} label={label} sx={{ height: 22 }} />;
}

/** The sections of a note: each heading and its text, as plain text (never server HTML). */
export function NoteSections({ sections, headingLevel = 4 }: { sections: readonly NoteSectionView[]; headingLevel?: 4 | 5 }) {
  return (
    <>
      {sections.map((section, index) => (
        <Box key={index} sx={{ mt: 0.75 }}>
          {section.title && (
            <Typography component={`h${headingLevel}`} variant="body2" sx={{ fontWeight: 600, m: 0 }}>
              {section.title}
            </Typography>
          )}
          <Typography variant="body2" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {section.text}
          </Typography>
        </Box>
      ))}
    </>
  );
}

/** Date, title and type of a note on one line (used for earlier versions and drafts). */
export function NoteLine({ note }: { note: NoteView }) {
  const { t } = useTranslation();
  const type = typeLabel(t, note.typeCode, note.typeText);
  return (
    <>
      <time dateTime={note.date}>{formatDateTime(note.date)}</time> · {note.title}
      {type.toLocaleLowerCase() !== note.title.toLocaleLowerCase() ? ` · ${type}` : ''}
    </>
  );
}
