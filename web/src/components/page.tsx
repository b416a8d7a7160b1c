import { type ReactNode, useEffect } from 'react';

/**
 * Every page has exactly one h1, and the window title follows it so a tab or the history list
 * says where the user is. The h1 can take focus: the app moves focus there after navigation.
 */
export function Page({ title, heading, children }: { title: string; heading?: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} – Finsam Cloud`;
  }, [title]);

  return (
    <>
      <h1 tabIndex={-1}>{heading ?? title}</h1>
      {children}
    </>
  );
}
