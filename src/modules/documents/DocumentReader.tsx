import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import type { DeviceClass } from '../../layout/types';
import type { Provenance } from '../../journal/provenance';
import { provenanceText } from '../../journal/RecordedBy';
import { formatDateTime } from '../../ui/dates';
import { decodeAttachment, parseDocumentText, readerBlocks, type DocumentView } from './model';
import { typeLabel } from './labels';

/**
 * One document, readable: its heading, who sent it and when, then the text with its headings,
 * paragraphs and lists. The text is decoded from the attachment (base64, UTF-8) and rendered as
 * text: nothing in a document is ever interpreted as HTML. Esc or "Back to the list" closes it,
 * and focus returns to the document in the list.
 */
export function DocumentReader({ view, provenance, device, onClose }: { view: DocumentView; provenance: Provenance; device: DeviceClass; onClose: () => void }) {
  const { t } = useTranslation();
  const decoded = useMemo(() => decodeAttachment(view.attachment), [view.attachment]);
  const blocks = useMemo(() => (decoded.ok ? readerBlocks(parseDocumentText(decoded.text, decoded.format), view.title) : []), [decoded, view.title]);
  const titleId = `document-reader-title-${view.id}`;
  const type = typeLabel(t, view);

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullScreen={device === 'tablet'} fullWidth maxWidth="md" scroll="paper">
      <DialogTitle id={titleId}>{view.title}</DialogTitle>
      {/* Focusable, so the text can be scrolled with the keyboard. */}
      <DialogContent dividers tabIndex={0} role="region" aria-label={t('documents.reader.content')}>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0, mb: 2, '& dt': { color: 'text.secondary' }, '& dd': { m: 0 } }}>
          <dt>{t('documents.reader.type')}</dt>
          <dd>{type}</dd>
          <dt>{t('documents.reader.date')}</dt>
          <dd>{view.date ? <time dateTime={view.date}>{formatDateTime(view.date)}</time> : '–'}</dd>
          <dt>{t('documents.reader.from')}</dt>
          <dd>{provenanceText(t, provenance)}</dd>
          {view.description && view.description !== view.title && (
            <>
              <dt>{t('documents.reader.about')}</dt>
              <dd>{view.description}</dd>
            </>
          )}
        </Box>
        {decoded.ok ? (
          <Box sx={{ maxWidth: '75ch', '& h3, & h4, & h5, & h6': { mt: 2, mb: 0.5 } }}>
            {blocks.map((block, i) => {
              if (block.kind === 'heading') {
                return (
                  <Typography key={i} component={block.tag ?? 'h3'} variant={block.tag === 'h3' ? 'h3' : 'subtitle1'} sx={{ fontWeight: 600 }}>
                    {block.text}
                  </Typography>
                );
              }
              if (block.kind === 'list') {
                return (
                  <Box key={i} component="ul" sx={{ my: 0.5, pl: 3 }}>
                    {block.items.map((item, j) => (
                      <Typography key={j} component="li" variant="body1">
                        {item}
                      </Typography>
                    ))}
                  </Box>
                );
              }
              return (
                <Typography key={i} variant="body1" sx={{ whiteSpace: 'pre-line', my: 1 }}>
                  {block.lines.join('\n')}
                </Typography>
              );
            })}
          </Box>
        ) : (
          <Alert severity="info">
            {decoded.reason === 'unsupported' ? t('documents.reader.unsupported', { type: decoded.contentType }) : t(`documents.reader.${decoded.reason === 'no-content' ? 'noContent' : decoded.reason}`)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {t('documents.reader.back')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
