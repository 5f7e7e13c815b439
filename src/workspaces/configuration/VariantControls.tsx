import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import { VARIANT_MAX_LENGTH, variantNameProblem } from './editorModel';

/** The select's value for the main layout (a variant may not be given this name). */
const MAIN = '__main__';

export interface VariantOption {
  /** Absent: the main layout. */
  name?: string;
  /** Whether the server has it (a new variant exists only here until it is saved). */
  stored: boolean;
}

/**
 * Named variants of a group's layout (for example "A" and "B" in a usability test): choose one
 * to edit, create a new one, and choose which one the group's users see.
 */
export function VariantControls({
  options,
  value,
  active,
  dirty,
  busy,
  onSelect,
  onCreate,
  onActivate,
}: {
  options: VariantOption[];
  value: string | undefined;
  active: string | undefined;
  dirty: boolean;
  busy: boolean;
  onSelect: (variant: string | undefined) => void;
  onCreate: (name: string) => void;
  onActivate: () => void;
}) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const nameOf = (variant: string | undefined) => variant ?? t('editor.variant.main');
  const existing = [MAIN, ...options.flatMap((o) => (o.name ? [o.name] : []))];
  const problem = variantNameProblem(name, existing);
  const current = options.find((o) => o.name === value);
  const isActive = value === active;
  const activateBlocked = isActive ? 'isActive' : dirty || (value !== undefined && !current?.stored) ? 'saveFirst' : null;

  const create = () => {
    setTried(true);
    if (problem) return;
    onCreate(name.trim());
    setCreating(false);
    setName('');
    setTried(false);
  };

  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <TextField
          select
          label={t('editor.variant.label')}
          value={value ?? MAIN}
          onChange={(e) => onSelect(e.target.value === MAIN ? undefined : e.target.value)}
          sx={{ minWidth: 240 }}
        >
          {options.map((o) => (
            <MenuItem key={o.name ?? MAIN} value={o.name ?? MAIN}>
              {[nameOf(o.name), o.name === active ? t('editor.variant.activeSuffix') : null, o.stored ? null : t('editor.variant.draftSuffix')].filter(Boolean).join(' ')}
            </MenuItem>
          ))}
        </TextField>
        <Box>
          <Button
            variant="outlined"
            startIcon={<CheckCircleOutlineIcon />}
            disabled={activateBlocked !== null || busy}
            onClick={onActivate}
            aria-describedby="variant-activate-help"
            sx={{ minHeight: 56 }}
          >
            {t('editor.variant.makeActive')}
          </Button>
          <Typography id="variant-activate-help" variant="body2" color="text.secondary" sx={{ mt: 0.5, maxWidth: 280 }}>
            {activateBlocked ? t(`editor.variant.${activateBlocked}`) : t('editor.variant.active', { name: nameOf(active) })}
          </Typography>
        </Box>
        {!creating && (
          <Button startIcon={<AddIcon />} onClick={() => setCreating(true)} sx={{ minHeight: 56 }}>
            {t('editor.variant.new')}
          </Button>
        )}
      </Box>
      {creating && (
        <Box
          component="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            create();
          }}
          sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}
        >
          <TextField
            autoFocus
            label={t('editor.variant.newName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setCreating(false);
              }
            }}
            error={tried && problem !== null}
            helperText={tried && problem ? t(`editor.variant.problem.${problem}`) : t('editor.variant.newHint')}
            slotProps={{ htmlInput: { maxLength: VARIANT_MAX_LENGTH + 10 } }}
            sx={{ minWidth: 280, maxWidth: 420, flex: 1 }}
          />
          <Button type="submit" variant="contained" sx={{ minHeight: 56 }}>
            {t('editor.variant.create')}
          </Button>
          <Button onClick={() => setCreating(false)} sx={{ minHeight: 56 }}>
            {t('common.cancel')}
          </Button>
        </Box>
      )}
    </Box>
  );
}
