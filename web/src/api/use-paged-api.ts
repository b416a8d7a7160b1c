import { useEffect, useRef, useState } from 'react';
import { ApiError } from './client.ts';
import type { ItemList } from './types.ts';
import type { Loadable } from './use-api.ts';

export interface MorePages {
  /** Present while there is a next page to fetch. */
  loadMore?: () => void;
  loading: boolean;
  error?: ApiError;
}

const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError({ title: 'Något gick fel.', status: 0, detail: String(error) });

/**
 * A list the API pages with `nextCursor`: the first page loads at once, later pages when the
 * user asks ("Visa fler"), appended to what is shown. `key` says when to start over.
 */
export function usePagedApi<T>(
  key: string,
  loadPage: (cursor: string | undefined, signal: AbortSignal) => Promise<ItemList<T>>,
): [Loadable<ItemList<T>>, MorePages] {
  const [state, setState] = useState<Loadable<ItemList<T>>>({ status: 'loading' });
  const [more, setMore] = useState<{ loading: boolean; error?: ApiError }>({ loading: false });
  const controller = useRef<AbortController | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `loadPage` is a new closure every render; `key` decides when to load.
  useEffect(() => {
    const current = new AbortController();
    controller.current = current;
    setState({ status: 'loading' });
    setMore({ loading: false });
    loadPage(undefined, current.signal).then(
      (page) => !current.signal.aborted && setState({ status: 'ready', data: page }),
      (error: unknown) => !current.signal.aborted && setState({ status: 'failed', error: asApiError(error) }),
    );
    return () => current.abort();
  }, [key]);

  const cursor = state.status === 'ready' ? state.data.nextCursor : undefined;
  const loadMore = () => {
    const signal = controller.current?.signal;
    if (!cursor || !signal || more.loading) return;
    setMore({ loading: true });
    loadPage(cursor, signal).then(
      (page) => {
        if (signal.aborted) return;
        setState((previous) =>
          previous.status === 'ready'
            ? { status: 'ready', data: { items: [...previous.data.items, ...page.items], nextCursor: page.nextCursor } }
            : previous,
        );
        setMore({ loading: false });
      },
      (error: unknown) => !signal.aborted && setMore({ loading: false, error: asApiError(error) }),
    );
  };

  return [state, { ...more, loadMore: cursor ? loadMore : undefined }];
}
