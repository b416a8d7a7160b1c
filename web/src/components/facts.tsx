import type { ReactNode } from 'react';

/** Terms and values as a description list; rows with no value are left out. */
export function Facts({ rows }: { rows: (readonly [string, ReactNode] | false | undefined)[] }) {
  return (
    <dl className="facts">
      {rows
        .filter((row) => row !== false && row !== undefined)
        .map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
