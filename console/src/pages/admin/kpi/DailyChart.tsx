export interface DailyPoint {
  day: string;
  value: number | null;
}

const WIDTH = 320;
const HEIGHT = 180;
const TOP = 20;
const BOTTOM = 22;
const SIDE = 4;
/** Beyond this many days the bars are too thin for a value above each; the hidden table keeps them all. */
const LABELLED_DAYS = 14;

const monthDay = (day: string) => `${day.slice(5, 7)}/${day.slice(8, 10)}`;

/**
 * One bar per Seoul day as an inline SVG (no chart library: the bundle stays small), the target as a
 * dashed line. Screen readers get the same figures from a visually hidden table; the SVG is hidden
 * from them. A day without a value (no denominator) keeps its slot, marked "—".
 */
export function DailyChart(props: {
  title: string;
  points: DailyPoint[];
  target?: number | null;
  /** Compact text for the labels on the chart. */
  short: (value: number) => string;
  /** Full text for the table and the tooltips. */
  full: (value: number) => string;
}) {
  const { points, target = null } = props;
  const values = points.map((p) => p.value ?? 0);
  const max = Math.max(...values, target ?? 0) * 1.15 || 1;
  const plot = HEIGHT - TOP - BOTTOM;
  const y = (value: number) => TOP + plot - (value / max) * plot;
  const slot = (WIDTH - 2 * SIDE) / Math.max(1, points.length);
  const bar = Math.max(1, slot * 0.6);
  const dateStep = Math.ceil(points.length / 8);
  const labelled = points.length <= LABELLED_DAYS;
  const colour = (value: number) =>
    target === null ? 'var(--kpi-bar, #3b6fb6)' : value >= target ? '#1a7f37' : '#b42318';
  return (
    <figure className="kpi-chart">
      <figcaption>
        {props.title}
        {target !== null && <span className="muted"> · 목표 {props.full(target)}</span>}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" aria-hidden="true">
        <line x1={SIDE} x2={WIDTH - SIDE} y1={TOP + plot} y2={TOP + plot} stroke="#c4cbd3" />
        {points.map((point, i) => {
          const x = SIDE + i * slot + (slot - bar) / 2;
          const centre = x + bar / 2;
          const text = point.value === null ? '—' : props.short(point.value);
          return (
            <g key={point.day} className="kpi-day" data-day={point.day}>
              {point.value !== null && (
                <rect
                  x={x}
                  y={y(point.value)}
                  width={bar}
                  height={Math.max(0, TOP + plot - y(point.value))}
                  fill={colour(point.value)}
                >
                  <title>{`${point.day} ${props.full(point.value)}`}</title>
                </rect>
              )}
              {labelled && (
                <text
                  className="kpi-bar-label"
                  x={centre}
                  y={(point.value === null ? TOP + plot : y(point.value)) - 4}
                  textAnchor="middle"
                >
                  {text}
                </text>
              )}
              {i % dateStep === 0 && (
                <text className="kpi-date-label" x={centre} y={HEIGHT - 6} textAnchor="middle">
                  {monthDay(point.day)}
                </text>
              )}
            </g>
          );
        })}
        {target !== null && (
          <g className="kpi-target">
            <line
              x1={SIDE}
              x2={WIDTH - SIDE}
              y1={y(target)}
              y2={y(target)}
              stroke="#1d232a"
              strokeDasharray="4 3"
            />
            <text x={WIDTH - SIDE} y={y(target) - 3} textAnchor="end">
              목표 {props.short(target)}
            </text>
          </g>
        )}
      </svg>
      <table className="visually-hidden">
        <caption>{props.title} 일별 값</caption>
        <thead>
          <tr>
            <th scope="col">날짜</th>
            <th scope="col">{props.title}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.day}>
              <th scope="row">{point.day}</th>
              <td>{point.value === null ? '값 없음' : props.full(point.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
