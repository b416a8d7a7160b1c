import type { ReactNode } from 'react';

/** The drawing's width in SVG units; the bar is stretched to the row's width on screen. */
const bar_units = 1000;

export interface ChartRow {
  label: string;
  /** One value per series, in the series' order; a bar's length is its share of the largest row. */
  values: number[];
  /** What the row shows as text: a total, or one text per series for grouped bars. */
  valueText: string | string[];
  /** Marked: drawn in the warning colour, and `note` says why in words. */
  highlight?: boolean;
  note?: string;
}

interface Props {
  title: string;
  /** Names of the series; one name and no legend for a single series. */
  series: string[];
  rows: ChartRow[];
  /** Stacked: one bar per row made of the series. Grouped: one bar per series in each row. */
  layout?: 'stacked' | 'grouped';
  /** The value a full bar stands for; by default the largest row. */
  max?: number;
  /** The same figures as a table: the chart's text alternative, shown under it. */
  children: ReactNode;
}

/**
 * A simple horizontal bar chart in SVG, one row per län. The drawing is an image whose name
 * says where its figures are; the table under it (children) holds every figure for everyone,
 * screen readers and print included. Series are told apart by position, a gap and the legend
 * as well as by colour.
 */
export function BarChart({ title, series, rows, layout = 'stacked', max, children }: Props) {
  const largest =
    max ??
    Math.max(
      0,
      ...rows.map((row) => (layout === 'stacked' ? row.values.reduce((a, b) => a + b, 0) : Math.max(0, ...row.values))),
    );
  const scale = (value: number) => (largest > 0 ? (Math.max(0, value) / largest) * bar_units : 0);

  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      {series.length > 1 && (
        <ul className="chart-legend" aria-hidden="true">
          {series.map((name, index) => (
            <li key={name}>
              <span className={`chart-legend__swatch chart-series-${index}`} />
              {name}
            </li>
          ))}
        </ul>
      )}
      <div className="chart__bars" role="img" aria-label={`Stapeldiagram: ${title}. Siffrorna finns i tabellen under.`}>
        {rows.map((row) => (
          <div key={row.label} className={`chart-row${row.highlight ? ' chart-row--warning' : ''}`}>
            <span className="chart-row__label">{row.label}</span>
            {layout === 'stacked' ? (
              <div className="chart-row__bar">
                <Bar widths={row.values.map(scale)} highlight={row.highlight} />
                <span className="chart-row__value">{row.valueText}</span>
              </div>
            ) : (
              <div className="chart-row__group">
                {row.values.map((value, index) => (
                  <div className="chart-row__bar" key={series[index]}>
                    <span className="chart-row__series">{series[index]}</span>
                    <Bar widths={[scale(value)]} offset={index} />
                    <span className="chart-row__value">{Array.isArray(row.valueText) ? row.valueText[index] : ''}</span>
                  </div>
                ))}
              </div>
            )}
            {row.note && <span className="chart-row__note">{row.note}</span>}
          </div>
        ))}
      </div>
      {children}
    </figure>
  );
}

function Bar({ widths, highlight = false, offset = 0 }: { widths: number[]; highlight?: boolean; offset?: number }) {
  let x = 0;
  return (
    <svg
      className="chart-bar"
      viewBox={`0 0 ${bar_units} 20`}
      preserveAspectRatio="none"
      focusable="false"
      aria-hidden="true"
    >
      <rect className="chart-bar__track" x="0" y="0" width={bar_units} height="20" />
      {widths.map((width, index) => {
        const start = x;
        x += width;
        return (
          <rect
            // Segments have no identity beyond their series' place.
            // biome-ignore lint/suspicious/noArrayIndexKey: one segment per series, never reordered.
            key={index}
            className={highlight ? 'chart-series-warning' : `chart-series-${index + offset}`}
            x={start}
            y="0"
            width={width}
            height="20"
            stroke="#ffffff"
            strokeWidth="2"
            vectorEffect="non-scaling-stroke"
          />
        );
      })}
    </svg>
  );
}
