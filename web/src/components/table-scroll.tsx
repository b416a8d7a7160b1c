import type { ReactNode } from 'react';

/**
 * Wide tables scroll sideways on a phone instead of breaking the page. The region is focusable
 * and labelled so keyboard users can scroll it too; "Tabell:" keeps its name distinct from the
 * section around it, since both are landmarks.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" tabIndex={0} aria-label={`Tabell: ${label}`}>
      {children}
    </section>
  );
}
