import { FieldGroup, TextField } from '../components/fields.tsx';
import type { SectionProps } from './section-props.ts';

const deadlinePath = 'settings.deadlines';
const monthDayHint = 'MM-DD, till exempel 11-30';
/** The API names a bad reminder by its position; the charter allows at most five. */
const reminderItemPaths = [0, 1, 2, 3, 4].map((index) => `${deadlinePath}.reminderDaysBefore.${index}`);

/** The yearly deadlines as month and day; the cycle turns them into dates for each budget year. */
export function DeadlineFields({ state, set, problem }: SectionProps) {
  const day = (key: 'samradAnswer' | 'budgetAdoption' | 'annualReport', label: string, hint = monthDayHint) => (
    <TextField
      path={`${deadlinePath}.${key}`}
      label={label}
      hint={hint}
      inputMode="numeric"
      autoComplete="off"
      value={state[key]}
      onChange={(value) => set({ [key]: value })}
      problem={problem}
    />
  );
  const setInterim = (index: number, value: string) => {
    const next = [...state.interimReports] as typeof state.interimReports;
    next[index] = value;
    set({ interimReports: next });
  };

  return (
    <>
      <div className="form-grid">
        {day('samradAnswer', 'Sista dag för medlemmarnas samrådssvar')}
        {day('budgetAdoption', 'Sista dag för att anta budgeten', 'MM-DD. Lagen säger före den 30 november.')}
        {day('annualReport', 'Sista dag för årsredovisningen', 'MM-DD, året efter budgetåret')}
      </div>
      <FieldGroup
        path={`${deadlinePath}.interimReports`}
        legend="Delårsrapporter"
        hint="Lämna tomt om förbundsordningen inte kräver någon delårsrapport."
        problem={problem}
      >
        <div className="form-grid">
          {state.interimReports.map((value, index) => (
            <TextField
              // The three slots are fixed positions, so the index is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed-length tuple, never reordered.
              key={index}
              path={`${deadlinePath}.interimReports.${index}`}
              label={`Delårsrapport ${index + 1}`}
              hint={monthDayHint}
              inputMode="numeric"
              autoComplete="off"
              value={value}
              onChange={(next) => setInterim(index, next)}
              problem={problem}
            />
          ))}
        </div>
        <TextField
          path={`${deadlinePath}.interimReportDueDays`}
          label="Delårsrapporten antas senast, dagar efter periodens slut"
          hint="Heltal 1–120, till exempel 45"
          inputMode="numeric"
          autoComplete="off"
          value={state.interimReportDueDays}
          onChange={(interimReportDueDays) => set({ interimReportDueDays })}
          problem={problem}
          className="field--short"
        />
      </FieldGroup>
      <TextField
        path={`${deadlinePath}.reminderDaysBefore`}
        alsoPaths={reminderItemPaths}
        label="Påminnelser, antal dagar före en tidsfrist"
        hint="Åtskilda med komma, till exempel 14, 3"
        autoComplete="off"
        value={state.reminderDaysBefore}
        onChange={(reminderDaysBefore) => set({ reminderDaysBefore })}
        problem={problem}
        className="field--short"
      />
    </>
  );
}
