import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import {
  closingDefinition,
  escalationStateOf,
  planningDefinition,
  task_function_placeholder,
  wait_timeout_path,
} from './definitions.ts';

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
    // A human step is entered through the task that works out its timeout.
    expect(states.ReportDischarge?.Next).toBe('AwaitDischargeResolvedTimeout');
    expect(states.AwaitDischargeResolvedTimeout?.Next).toBe('AwaitDischargeResolved');
    expect(states.AwaitDischargeResolved?.Next).toBe('Likvidavrakning');
    expect(Object.values(states).filter((state) => state.Next === 'Likvidavrakning')).toHaveLength(1);
  });

  for (const [name, definition] of Object.entries({ planning: planningDefinition(), closing: closingDefinition() })) {
    const states = definition.States as Record<string, Record<string, any>>;

    it(`${name}: every wait has a timeout and every failure escalates, so no execution fails or stalls`, () => {
      for (const [stateName, state] of Object.entries(states)) {
        if (state.Type !== 'Task' || stateName === 'Escalate') continue;
        if (String(state.Resource).endsWith('.waitForTaskToken'))
          expect(state.TimeoutSecondsPath).toBe(wait_timeout_path);
        else expect(state.TimeoutSeconds, stateName).toBeGreaterThan(0);
        expect(state.Catch, stateName).toEqual([
          expect.objectContaining({ ErrorEquals: ['States.Timeout'], Next: expect.stringMatching(/^Escalate/) }),
          expect.objectContaining({ ErrorEquals: ['States.ALL'], Next: expect.stringMatching(/^Escalate/) }),
        ]);
        const escalation = states[state.Catch[0].Next];
        expect(escalation).toMatchObject({ Type: 'Pass', Next: 'Escalate', ResultPath: '$.escalation' });
      }
      expect(states.Escalate).toMatchObject({ Type: 'Task', Next: 'Escalated' });
      expect(states.Escalated).toEqual({ Type: 'Succeed' });
      expect(Object.values(states).some((state) => state.Type === 'Fail')).toBe(false);
    });

    it(`${name}: a wait retries the handler's own failures, never its timeout`, () => {
      for (const state of Object.values(states).filter((s) => String(s.Resource).endsWith('.waitForTaskToken'))) {
        const [timeout, ...rest] = state.Retry as { ErrorEquals: string[]; MaxAttempts: number }[];
        expect(timeout).toEqual({ ErrorEquals: ['States.Timeout'], MaxAttempts: 0 });
        const retried = rest.flatMap((r) => r.ErrorEquals);
        expect(retried).toEqual(expect.arrayContaining(['States.TaskFailed', 'Lambda.TooManyRequestsException']));
        expect(retried).not.toContain('States.ALL');
      }
    });

    it(`${name}: resumes at any step it can stop at`, () => {
      const choices = (states.ResumeAt?.Choices ?? []) as { StringEquals: string; Next: string }[];
      const stoppable = Object.entries(states)
        .filter(([, state]) => state.Catch)
        .map(([, state]) => states[state.Catch[0].Next]?.Result.state as string);
      for (const stop of new Set(stoppable)) expect(choices.map((c) => c.StringEquals)).toContain(stop);
      for (const choice of choices) expect(states[choice.Next], choice.Next).toBeDefined();
      expect(escalationStateOf('Bokslut')).toBe('EscalateBokslut');
    });
  }
});
