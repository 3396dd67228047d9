import type { OptionDraft } from './variantDraft';

/** Option names and their values (comma separated); at most three options. */
export function OptionsEditor({
  options,
  onChange,
}: {
  options: OptionDraft[];
  onChange: (options: OptionDraft[]) => void;
}) {
  const set = (index: number, change: Partial<OptionDraft>) =>
    onChange(options.map((o, i) => (i === index ? { ...o, ...change } : o)));
  return (
    <fieldset className="panel">
      <legend>옵션</legend>
      {options.length === 0 && <p className="muted">옵션 없이 한 가지로 판매합니다.</p>}
      {options.map((option, index) => (
        <div className="toolbar" key={index}>
          <label>
            옵션 {index + 1} 이름
            <input
              value={option.name}
              placeholder="예: 색상"
              onChange={(e) => set(index, { name: e.target.value })}
            />
          </label>
          <label>
            옵션 {index + 1} 값 (쉼표로 구분)
            <input
              value={option.values}
              placeholder="예: 빨강, 파랑"
              onChange={(e) => set(index, { values: e.target.value })}
            />
          </label>
          <button
            type="button"
            className="secondary"
            onClick={() => onChange(options.filter((_, i) => i !== index))}
          >
            옵션 {index + 1} 삭제
          </button>
        </div>
      ))}
      {options.length < 3 && (
        <button
          type="button"
          className="secondary"
          onClick={() => onChange([...options, { name: '', values: '' }])}
        >
          옵션 추가
        </button>
      )}
    </fieldset>
  );
}
