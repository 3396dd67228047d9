import { useState, type DragEvent } from 'react';
import { IMAGE_ACCEPT, IMAGE_RULES_TEXT, judgeImages } from '../ops/imageRules';

/**
 * Images by drag and drop or the file button. Files that break the rules are refused here, with a
 * Korean reason each, before anything is uploaded; `onAccept` gets the others.
 */
export function ImagePicker({
  alreadyThere,
  onAccept,
  disabled,
}: {
  alreadyThere: number;
  onAccept: (files: File[]) => void;
  disabled?: boolean;
}) {
  const [over, setOver] = useState(false);
  const [refused, setRefused] = useState<{ name: string; reason: string }[]>([]);

  const take = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const files = await Promise.all(
      [...list].map(async (file) => ({ file, head: new Uint8Array(await file.slice(0, 12).arrayBuffer()) })),
    );
    const verdict = judgeImages(files, alreadyThere);
    setRefused(verdict.refused);
    if (verdict.accepted.length > 0) onAccept(verdict.accepted);
  };

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) void take(event.dataTransfer.files);
  };

  return (
    <div
      className={`drop-zone${over ? ' over' : ''}`}
      data-testid="image-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p>이미지를 여기로 끌어다 놓거나 파일을 선택하세요.</p>
      <p className="muted">
        {IMAGE_RULES_TEXT} (지금 {alreadyThere}장)
      </p>
      <label>
        이미지 파일 선택
        <input
          type="file"
          accept={IMAGE_ACCEPT}
          multiple
          disabled={disabled}
          onChange={(e) => {
            void take(e.target.files);
            e.target.value = '';
          }}
        />
      </label>
      {refused.length > 0 && (
        <ul role="alert" className="error">
          {refused.map((r, i) => (
            <li key={i}>
              {r.name}: {r.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
