/**
 * A value beside its target as an inline SVG bar (no chart library: the bundle stays small), drawn
 * on 0 to 1.5 × the larger of the two so a 3 % target is as readable as a 95 % one (rates cap at 100 %).
 */
export function TargetBar(props: {
  value: number | null;
  target: number | null;
  met: boolean | null;
  rate: boolean;
  label: string;
}) {
  const { value, target } = props;
  const larger = Math.max(value ?? 0, target ?? 0) * 1.5;
  const max = (props.rate ? Math.min(1, larger) : larger) || 1;
  const x = (n: number) => Math.max(0, Math.min(100, (n / max) * 100));
  const colour = props.met === null ? '#5f6b76' : props.met ? '#1a7f37' : '#b42318';
  return (
    <svg viewBox="0 0 100 12" width="100%" height="14" role="img" aria-label={props.label}>
      <rect x="0" y="3" width="100" height="6" rx="3" fill="#e6e9ed" />
      {value !== null && <rect x="0" y="3" width={x(value)} height="6" rx="3" fill={colour} />}
      {target !== null && (
        <line x1={x(target)} x2={x(target)} y1="0" y2="12" stroke="#1d232a" strokeWidth="1" />
      )}
    </svg>
  );
}
