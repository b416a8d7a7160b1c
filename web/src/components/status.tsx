import { type ReactNode, useEffect, useRef } from 'react';
import type { ApiError } from '../api/client.ts';
import type { Loadable } from '../api/use-api.ts';

/**
 * Loading, failure and content for one loaded resource. The status element stays in the page
 * the whole time and only its text changes, because screen readers announce a change in a live
 * region reliably but often miss a region that appears already filled.
 */
export function Loaded<T>({
  state,
  loadingText,
  children,
}: {
  state: Loadable<T>;
  loadingText: string;
  children: (data: T) => ReactNode;
}) {
  return (
    <>
      <p role="status" className={state.status === 'loading' ? 'status' : 'visually-hidden'}>
        {state.status === 'loading' ? loadingText : ''}
      </p>
      {state.status === 'failed' && <ErrorNotice error={state.error} />}
      {state.status === 'ready' && children(state.data)}
    </>
  );
}

export function ErrorNotice({ error }: { error: ApiError }) {
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{error.problem.title}</p>
      {error.problem.detail && error.problem.detail !== error.problem.title && <p>{error.problem.detail}</p>}
    </div>
  );
}

/**
 * A confirmation such as "Förbundet har skapats.", announced politely. With `focus`, it also takes
 * focus when it appears: after an action that replaced the form the user was in, focus would
 * otherwise fall to the page's start. Give it the message as key, so a new message is focused anew.
 */
export function Notice({ children, focus = false }: { children: ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div className="notice notice--success" role="status" ref={ref} tabIndex={focus ? -1 : undefined}>
      <p>{children}</p>
    </div>
  );
}

export const isNotFound = (state: Loadable<unknown>) => state.status === 'failed' && state.error.status === 404;
