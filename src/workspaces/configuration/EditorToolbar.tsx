import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import RedoIcon from '@mui/icons-material/Redo';
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import SaveIcon from '@mui/icons-material/Save';
import UndoIcon from '@mui/icons-material/Undo';
import UploadFileIcon from '@mui/icons-material/UploadFile';

/**
 * Undo, redo, save, revert, export and import. The file input is reached through a visible
 * button (keyboard and screen reader users get the same control as everyone else).
 */
export function EditorToolbar({
  canUndo,
  canRedo,
  dirty,
  saving,
  onUndo,
  onRedo,
  onSave,
  onRevert,
  onExport,
  onImport,
}: {
  canUndo: boolean;
  canRedo: boolean;
  dirty: boolean;
  saving: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onSave: () => void;
  onRevert: () => void;
  onExport: () => void;
  onImport: (file: File) => void;
}) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const redoButton = useRef<HTMLButtonElement>(null);
  // The last undo disables the undo button; focus moves to redo instead of falling to the page.
  const clicked = useRef<'undo' | 'redo' | null>(null);
  useEffect(() => {
    const last = clicked.current;
    clicked.current = null;
    if (last === 'undo' && !canUndo) redoButton.current?.focus();
    if (last === 'redo' && !canRedo) undoButton.current?.focus();
  });
  return (
    <Box sx={{ display: 'grid', gap: 0.5 }}>
      <Box role="toolbar" aria-label={t('editor.toolbar')} aria-describedby="editor-shortcuts" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
        <Tooltip title={`${t('editor.undo')} (Ctrl+Z)`}>
          <span>
            <IconButton
              ref={undoButton}
              aria-label={t('editor.undo')}
              aria-keyshortcuts="Control+Z Meta+Z"
              disabled={!canUndo}
              onClick={() => {
                clicked.current = 'undo';
                onUndo();
              }}
            >
              <UndoIcon />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title={`${t('editor.redo')} (Ctrl+Shift+Z / Ctrl+Y)`}>
          <span>
            <IconButton
              ref={redoButton}
              aria-label={t('editor.redo')}
              aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z"
              disabled={!canRedo}
              onClick={() => {
                clicked.current = 'redo';
                onRedo();
              }}
            >
              <RedoIcon />
            </IconButton>
          </span>
        </Tooltip>
        <Divider orientation="vertical" flexItem />
        <Button variant="contained" startIcon={<SaveIcon />} onClick={onSave} disabled={saving}>
          {saving ? t('editor.saving') : t('editor.save')}
        </Button>
        <Chip
          label={dirty ? t('editor.unsaved') : t('editor.allSaved')}
          color={dirty ? 'warning' : 'default'}
          variant={dirty ? 'filled' : 'outlined'}
          data-testid="dirty-indicator"
        />
        <Divider orientation="vertical" flexItem />
        <Button variant="outlined" startIcon={<RestartAltIcon />} onClick={onRevert} disabled={saving}>
          {t('editor.revert.button')}
        </Button>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={onExport}>
          {t('editor.export')}
        </Button>
        <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => fileInput.current?.click()}>
          {t('editor.import.label')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label={t('editor.import.label')}
          tabIndex={-1}
          style={{ display: 'none' }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared so choosing the same file again is noticed.
            e.target.value = '';
            if (file) onImport(file);
          }}
        />
      </Box>
      <Typography id="editor-shortcuts" variant="body2" color="text.secondary">
        {t('editor.shortcuts')}
      </Typography>
    </Box>
  );
}
