import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectYearTiesOut, simulateModel } from './cycle.ts';
import { expectPresetContributions, expectPresetDistribution, expectPresetStatements } from './preset-money.ts';
import { socsamModels } from './socsam-models.ts';

/** One whole simulated year per model, through the real runtime; see socsam-models.ts. */
export function describeModels(models: (keyof typeof socsamModels)[]) {
  describe.each(models)('the %s model over a whole year', (model) => {
    let simulation: Awaited<ReturnType<typeof simulateModel>>;
    beforeAll(async () => {
      simulation = await simulateModel(model);
    });
    afterAll(() => simulation?.runtime.stop());

    it('ties every statement to the ledger, books nothing twice, and closes the year', async () => {
      await expectYearTiesOut(simulation.stores);
    });

    it('books the contributions and sends the statements worked out by hand, chained to the ledger', async () => {
      await expectPresetContributions(simulation.stores, model);
      await expectPresetStatements(simulation.runtime, simulation.stores, model);
    });

    it('distributes the whole result, interest first, and settles each member as worked out by hand', async () => {
      await expectPresetDistribution(simulation.runtime, simulation.stores, model);
    });

    it('moves the money as the model says', async () => {
      await socsamModels[model](simulation);
    });
  });
}
