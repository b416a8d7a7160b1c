import { useEffect, useState } from 'react';
import { ApiError } from './client.ts';

export type Loadable<T> = { status: 'loading' } | { status: 'failed'; error: ApiError } | { status: 'ready'; data: T };

/**
 * Loads one resource for a component. `key` says when to load again (e.g. the förbund id); the
 * request is aborted when the key changes or the component goes away, so a slow answer for an
 * old page never overwrites the new one.
 */
export function useApi<T>(key: string, load: (signal: AbortSignal) => Promise<T>): [Loadable<T>, () => void] {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is a new closure every render; `key` and `round` decide when to load.
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const failure =
          error instanceof ApiError
            ? error
            : new ApiError({ title: 'Något gick fel.', status: 0, detail: String(error) });
        setState({ status: 'failed', error: failure });
      },
    );
    return () => controller.abort();
  }, [key, round]);

  return [state, () => setRound((value) => value + 1)];
}

/** Two loads as one, for a view that needs both: failed if either failed, ready when both are. */
export function bothLoaded<A, B>(first: Loadable<A>, second: Loadable<B>): Loadable<[A, B]> {
  if (first.status === 'failed') return first;
  if (second.status === 'failed') return second;
  if (first.status === 'ready' && second.status === 'ready')
    return { status: 'ready', data: [first.data, second.data] };
  return { status: 'loading' };
}
