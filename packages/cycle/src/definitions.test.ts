import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { closingDefinition, planningDefinition, task_function_placeholder } from './definitions.ts';

describe('the cycle definitions', () => {
  for (const [name, definition] of Object.entries({ planning: planningDefinition(), closing: closingDefinition() })) {
    it(`${name} is valid Amazon States Language`, () => {
      const deployed = JSON.parse(
        JSON.stringify(definition).replaceAll(
          task_function_placeholder,
          'arn:aws:lambda:eu-north-1:123456789012:function:finsam-cycle',
        ),
      );
      const { isValid, errors } = aslValidator(deployed);
      expect(errors).toEqual([]);
      expect(isValid).toBe(true);
    });
  }

  it('waits for every human step with a task token, never with a timer', () => {
    const states = Object.values({ ...planningDefinition().States, ...closingDefinition().States }) as Record<
      string,
      any
    >[];
    const waiting = states.filter((state) => String(state.Resource).endsWith('.waitForTaskToken'));
    expect(waiting.map((state) => state.Parameters.Payload.step)).toEqual([
      'samrad.opened',
      'samrad.answered',
      'budget.adopted',
      'annual-report.adopted',
      'audit.completed',
      'discharge.decided',
      'discharge.resolved',
    ]);
    expect(states.some((state) => state.Type === 'Wait')).toBe(false);
  });

  it('runs the likvidavräkning only after every refusal of ansvarsfrihet is resolved', () => {
    const { States: states } = closingDefinition() as { States: Record<string, { Next?: string }> };
    expect(states.AwaitDischarge?.Next).toBe('ReportDischarge');
    expect(states.ReportDischarge?.Next).toBe('AwaitDischargeResolved');
    expect(states.AwaitDischargeResolved?.Next).toBe('Likvidavrakning');
    expect(Object.values(states).filter((state) => state.Next === 'Likvidavrakning')).toHaveLength(1);
  });
});
