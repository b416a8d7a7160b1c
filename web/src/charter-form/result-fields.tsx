import { fundingFlows, resultDistributionModels } from '../api/types.ts';
import { RadioGroup, TextField } from '../components/fields.tsx';
import { fundingFlowNames, resultDistributionNames } from '../labels.ts';
import type { SectionProps } from './section-props.ts';

const flowOptions = fundingFlows.map((flow) => [flow, fundingFlowNames[flow]] as const);
const resultOptions = resultDistributionModels.map((model) => [model, resultDistributionNames[model]] as const);
const resultPath = 'settings.resultDistribution';

/** How members pay during the year. Per-member exceptions and due days keep their stored values. */
export function FundingFields({ state, set, problem }: SectionProps) {
  return (
    <RadioGroup
      path="settings.funding.default"
      legend="Hur medlemmarna betalar sina bidrag"
      value={state.fundingDefault}
      options={flowOptions}
      onChange={(fundingDefault) => set({ fundingDefault })}
      problem={problem}
    />
  );
}

/** What happens with a surplus or deficit at bokslut, with the rates the chosen model needs. */
export function ResultFields({ state, set, problem }: SectionProps) {
  return (
    <>
      <RadioGroup
        path={`${resultPath}.model`}
        legend="Hur årets resultat fördelas"
        value={state.resultModel}
        options={resultOptions}
        onChange={(resultModel) => set({ resultModel })}
        problem={problem}
      />
      {state.resultModel === 'return-then-proportional' && (
        <TextField
          path={`${resultPath}.returnRatePercent`}
          label="Andel av medlemmens eget resultat som återförs (%)"
          inputMode="decimal"
          value={state.returnRatePercent}
          onChange={(returnRatePercent) => set({ returnRatePercent })}
          problem={problem}
          className="field--short"
        />
      )}
      {state.resultModel === 'limited-participation' && (
        <div className="form-grid">
          <TextField
            path={`${resultPath}.participationPercent`}
            label="Andel av sin andel som varje medlem bär (%)"
            inputMode="decimal"
            value={state.participationPercent}
            onChange={(participationPercent) => set({ participationPercent })}
            problem={problem}
          />
          <TextField
            path={`${resultPath}.participationCapPercent`}
            label="Högst denna andel av medlemmens egen del av ramen (%)"
            inputMode="decimal"
            value={state.participationCapPercent}
            onChange={(participationCapPercent) => set({ participationCapPercent })}
            problem={problem}
          />
        </div>
      )}
    </>
  );
}
