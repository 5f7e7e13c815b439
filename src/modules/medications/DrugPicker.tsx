import { useTranslation } from 'react-i18next';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { DRUG_CATALOGUE, drugById, productText, searchDrugs, strengthsOf, type Drug } from '../../domain/drugCatalogue';
import { autocompleteTexts } from '../../ui/autocompleteTexts';

const MAX_OPTIONS = 60;

/**
 * The medicine: a searchable list over the bundled catalogue (name, strength, form or ATC code),
 * then the strength among the products of the same substance and form. What is typed stays in
 * the field until a product is chosen, also when the form is checked.
 */
export function DrugPicker({
  drugId,
  query,
  onPick,
  onQuery,
  error,
  id,
  size,
}: {
  drugId: string;
  query: string;
  onPick: (drug: Drug | undefined) => void;
  onQuery: (query: string) => void;
  error?: string | undefined;
  /** The input's id (the form focuses it when nothing is chosen). */
  id: string;
  size: 'small' | 'medium';
}) {
  const { t } = useTranslation();
  const drug = drugById(drugId);
  const strengths = drug ? strengthsOf(drug) : [];
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
      <Autocomplete<Drug, false, false, false>
      {...autocompleteTexts(t)}
        id={id}
        options={DRUG_CATALOGUE}
        value={drug ?? null}
        inputValue={query}
        onChange={(_, chosen) => onPick(chosen ?? undefined)}
        onInputChange={(_, value, reason) => {
          if (reason === 'input') onQuery(value);
          if (reason === 'clear') onPick(undefined);
        }}
        filterOptions={(options, state) => searchDrugs(state.inputValue, options).slice(0, MAX_OPTIONS)}
        getOptionLabel={productText}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        clearOnBlur={false}
        autoHighlight
        noOptionsText={t('medications.form.noDrugs')}
        sx={{ flex: '1 1 18rem', minWidth: 0 }}
        renderOption={(props, option) => {
          const { key, ...rest } = props;
          return (
            <Box component="li" key={key} {...rest} sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}>
              <span>{productText(option)}</span>
              <Box component="span" sx={{ fontFamily: 'monospace', color: 'text.secondary' }}>
                {option.atc}
              </Box>
            </Box>
          );
        }}
        renderInput={(params) => (
          <TextField
            {...params}
            label={t('medications.form.drug')}
            required
            size={size}
            error={Boolean(error)}
            helperText={error ?? t('medications.form.drugHint')}
          />
        )}
      />
      {drug && strengths.length > 1 && (
        <TextField
          select
          label={t('medications.form.strength')}
          value={drug.id}
          size={size}
          onChange={(e) => onPick(drugById(e.target.value))}
          slotProps={{ select: { native: true } }}
          sx={{ minWidth: 140 }}
        >
          {strengths.map((d) => (
            <option key={d.id} value={d.id}>
              {d.strength}
            </option>
          ))}
        </TextField>
      )}
    </Box>
  );
}
