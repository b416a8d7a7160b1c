import { contributionModels, kommunKeyMethods, regionKeyMethods } from '../api/types.ts';
import { CheckboxField, RadioGroup } from '../components/fields.tsx';
import { contributionModelNames, kommunKeyMethodNames, regionKeyMethodNames } from '../labels.ts';
import { MemberValueInputs, PopulationInputs } from './key-inputs.tsx';
import type { SectionProps } from './section-props.ts';

const keyPath = 'settings.contributionKey';
const modelOptions = contributionModels.map((model) => [model, contributionModelNames[model]] as const);
const kommunOptions = kommunKeyMethods.map((method) => [method, kommunKeyMethodNames[method]] as const);
const regionOptions = regionKeyMethods.map((method) => [method, regionKeyMethodNames[method]] as const);

/** How the frame is split: the model, and under Finsam how kommuner (and regions) share their quarter. */
export function ContributionKeyFields({ state, set, problem, members }: SectionProps) {
  const kommuner = members.filter((member) => member.type === 'kommun');
  const regions = members.filter((member) => member.type === 'region');
  const finsam = state.model === 'finsam';
  return (
    <>
      <RadioGroup
        path={`${keyPath}.model`}
        legend="Fördelningsmodell"
        value={state.model}
        options={modelOptions}
        onChange={(model) => set({ model })}
        problem={problem}
      />
      {state.model === 'equal' && (
        <CheckboxField
          path={`${keyPath}.equalIncludesAf`}
          label="Arbetsförmedlingen bidrar också med en lika del"
          hint="Enligt lagen bidrar Arbetsförmedlingen normalt inte."
          checked={state.equalIncludesAf}
          onChange={(equalIncludesAf) => set({ equalIncludesAf })}
          problem={problem}
        />
      )}
      {finsam && (
        <RadioGroup
          path={`${keyPath}.kommunKey.method`}
          legend="Hur kommunerna delar sin fjärdedel"
          value={state.kommunMethod}
          options={kommunOptions}
          onChange={(kommunMethod) => set({ kommunMethod })}
          problem={problem}
        />
      )}
      {finsam && state.kommunMethod === 'explicit' && (
        <MemberValueInputs
          path={`${keyPath}.kommunKey.percentages`}
          legend="Kommunernas andelar"
          hint="Andelarna ska tillsammans bli 100 procent."
          owners={kommuner}
          values={state.kommunPercentages}
          onChange={(kommunPercentages) => set({ kommunPercentages })}
          problem={problem}
          unit="%"
        />
      )}
      {finsam && state.kommunMethod === 'population' && (
        <PopulationInputs
          members={members}
          values={state.population}
          onChange={(population) => set({ population })}
          problem={problem}
        />
      )}
      {finsam && regions.length > 1 && (
        <RadioGroup
          path={`${keyPath}.regionKey.method`}
          legend="Hur regionerna delar sin fjärdedel"
          value={state.regionMethod}
          options={regionOptions}
          onChange={(regionMethod) => set({ regionMethod })}
          problem={problem}
        />
      )}
      {finsam && regions.length > 1 && state.regionMethod === 'explicit' && (
        <MemberValueInputs
          path={`${keyPath}.regionKey.percentages`}
          legend="Regionernas andelar"
          hint="Andelarna ska tillsammans bli 100 procent."
          owners={regions}
          values={state.regionPercentages}
          onChange={(regionPercentages) => set({ regionPercentages })}
          problem={problem}
          unit="%"
        />
      )}
      {state.model === 'own-amounts' && (
        <MemberValueInputs
          path={`${keyPath}.ownAmounts`}
          legend="Varje medlems belopp"
          hint="Ramen blir summan av beloppen. Ange 0 för en medlem som inte bidrar."
          owners={members}
          values={state.ownAmounts}
          onChange={(ownAmounts) => set({ ownAmounts })}
          problem={problem}
          unit="kr"
        />
      )}
    </>
  );
}
