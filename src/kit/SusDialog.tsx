import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { KIT_ATTRIBUTE } from './recorder';
import { SUS_ITEMS, susScore } from './sus';

/** The SUS questionnaire for the participant, after the tasks (answers kept while it is filled in). */
export function SusDialog(props: {
  open: boolean;
  language: 'nb' | 'en';
  draft: (number | null)[];
  onDraft(draft: (number | null)[]): void;
  onSubmit(answers: number[], score: number): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { draft } = props;
  const [missing, setMissing] = useState<number | null>(null);
  const submit = () => {
    const score = susScore(draft);
    const gaps = draft.filter((a) => a === null).length;
    if (score === undefined) {
      setMissing(gaps || 10);
      return;
    }
    props.onSubmit(draft as number[], score);
    props.onClose();
  };
  return (
    <Dialog {...{ [KIT_ATTRIBUTE]: '' }} open={props.open} onClose={props.onClose} fullScreen aria-labelledby="sus-title" lang={props.language}>
      <DialogTitle id="sus-title" component="h2">
        {t('kit.sus.title')}
      </DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>{t('kit.sus.intro')}</Typography>
        {SUS_ITEMS.map((item, i) => (
          <FormControl key={i} component="fieldset" sx={{ display: 'block', mb: 2 }} error={missing !== null && draft[i] === null}>
            <FormLabel component="legend" sx={{ color: 'text.primary', fontWeight: 600 }}>
              {`${i + 1}. ${item[props.language]}`}
            </FormLabel>
            <RadioGroup
              row
              value={draft[i] === null || draft[i] === undefined ? '' : String(draft[i])}
              onChange={(e) => props.onDraft(draft.map((a, j) => (j === i ? Number(e.target.value) : a)))}
            >
              {[1, 2, 3, 4, 5].map((v) => (
                <FormControlLabel key={v} value={String(v)} control={<Radio />} label={`${v} ${t(`kit.sus.scale.${v}`)}`} sx={{ minHeight: 44, mr: 2 }} />
              ))}
            </RadioGroup>
          </FormControl>
        ))}
        {missing !== null && draft.some((a) => a === null) && <Alert severity="error">{t('kit.sus.missing', { count: draft.filter((a) => a === null).length })}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} sx={{ minHeight: 44 }}>
          {t('kit.summary.close')}
        </Button>
        <Button variant="contained" onClick={submit} sx={{ minHeight: 44 }}>
          {t('kit.sus.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
