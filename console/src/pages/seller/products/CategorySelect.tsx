import { useQuery } from '@tanstack/react-query';
import { getApiV1Categories, type CategoryNode } from '../../../api/generated';

const flatten = (nodes: CategoryNode[], prefix = ''): { id: string; path: string }[] =>
  nodes.flatMap((node) => [
    { id: node.id, path: `${prefix}${node.name}` },
    ...flatten(node.children, `${prefix}${node.name} > `),
  ]);

export function CategorySelect({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const categories = useQuery({
    queryKey: ['categories'],
    queryFn: async () => (await getApiV1Categories({ throwOnError: true })).data,
    staleTime: 5 * 60_000,
  });
  return (
    <label>
      카테고리
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{categories.isLoading ? '불러오는 중…' : '선택 안 함'}</option>
        {flatten(categories.data?.items ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.path}
          </option>
        ))}
      </select>
    </label>
  );
}
