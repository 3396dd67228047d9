import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  getApiV1AdminUsers,
  postApiV1AdminUsersByIdReactivate,
  postApiV1AdminUsersByIdSuspend,
  type UserSummary,
} from '../../api/generated';
import { useSession } from '../../auth/useSession';
import './admin.css';
import { dateTime } from '../../format/dates';
import { QueryState, MutationError } from '../../ui/ListState';
import { Pager, useCursors } from '../../ui/Paging';
import { ReasonForm } from '../../ui/ReasonForm';
import { LabelSelect } from '../../ui/LabelSelect';

const ROLE_LABELS: Record<UserSummary['role'], string> = {
  CONSUMER: '구매자',
  SELLER: '판매자',
  MANAGER: '매니저',
  ADMIN: '관리자',
};
const STATUS_LABELS: Record<UserSummary['status'], string> = {
  ACTIVE: '정상',
  SUSPENDED: '정지',
  WITHDRAWN: '탈퇴',
};

type Role = UserSummary['role'] | '';

/** 회원 관리: find an account by its whole e-mail (or list by role), suspend and reactivate it. */
export default function UsersPage() {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('');
  const [search, setSearch] = useState<{ email?: string; role?: Role }>({});
  const pages = useCursors();
  const cursor = pages.cursor;
  const query = useQuery({
    queryKey: ['admin', 'users', search, cursor],
    queryFn: async () =>
      (
        await getApiV1AdminUsers({
          query: { email: search.email, role: search.role || undefined, cursor, size: 20 },
          throwOnError: true,
        })
      ).data,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    pages.reset();
    setSearch({ email: email.trim() || undefined, role });
  }

  const items = query.data?.items ?? [];
  return (
    <section>
      <h1>회원 관리</h1>
      <form className="filters" onSubmit={submit} role="search">
        <label>
          이메일
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="전체 주소 (예: kim@example.com)"
          />
        </label>
        <LabelSelect
          label="역할"
          value={role}
          labels={ROLE_LABELS}
          onChange={(value) => setRole(value as Role)}
        />
        <button type="submit">검색</button>
      </form>
      <p className="muted">이메일은 암호화되어 있어 전체 주소로만 찾을 수 있습니다.</p>
      <QueryState
        isPending={query.isPending}
        error={query.error}
        empty={items.length === 0}
        emptyText="조건에 맞는 회원이 없습니다."
      >
        <div className="table-wrap">
          <table>
            <caption className="muted">회원 목록</caption>
            <thead>
              <tr>
                <th scope="col">이메일</th>
                <th scope="col">이름</th>
                <th scope="col">역할</th>
                <th scope="col">상태</th>
                <th scope="col">가입일</th>
                <th scope="col">관리</th>
              </tr>
            </thead>
            <tbody>
              {items.map((user) => (
                <UserRow key={user.id} user={user} />
              ))}
            </tbody>
          </table>
        </div>
        <Pager back={pages.back} next={pages.nextTo(query.data?.nextCursor)} />
      </QueryState>
    </section>
  );
}

function UserRow({ user }: { user: UserSummary }) {
  const state = useSession();
  const queries = useQueryClient();
  const [asking, setAsking] = useState(false);
  const done = () => {
    setAsking(false);
    return queries.invalidateQueries({ queryKey: ['admin', 'users'] });
  };
  const suspend = useMutation({
    mutationFn: (reason: string) =>
      postApiV1AdminUsersByIdSuspend({ path: { id: user.id }, body: { reason }, throwOnError: true }),
    onSuccess: done,
  });
  const reactivate = useMutation({
    mutationFn: () => postApiV1AdminUsersByIdReactivate({ path: { id: user.id }, throwOnError: true }),
    onSuccess: done,
  });
  const self = state.status === 'signedIn' && state.me.id === user.id;
  const label = user.email ?? user.id;
  return (
    <tr>
      <td>{user.email ?? '—'}</td>
      <td>{user.name ?? '—'}</td>
      <td>{ROLE_LABELS[user.role]}</td>
      <td>
        <span className={`badge${user.status === 'ACTIVE' ? '' : ' bad'}`}>{STATUS_LABELS[user.status]}</span>
        {user.status === 'SUSPENDED' && (
          <div className="muted">
            {dateTime(user.suspendedAt)} · {user.suspensionReason}
          </div>
        )}
      </td>
      <td>{dateTime(user.createdAt)}</td>
      <td>
        <div className="row-actions">
          {user.status === 'ACTIVE' && !self && !asking && (
            <button type="button" aria-label={`${label} 정지`} onClick={() => setAsking(true)}>
              정지
            </button>
          )}
          {asking && (
            <ReasonForm
              field="정지 사유"
              submit="정지 확인"
              busy={suspend.isPending}
              maxLength={500}
              onSubmit={(reason) => suspend.mutate(reason)}
              onCancel={() => setAsking(false)}
            />
          )}
          {user.status === 'SUSPENDED' && (
            <button
              type="button"
              aria-label={`${label} 정지 해제`}
              disabled={reactivate.isPending}
              onClick={() => reactivate.mutate()}
            >
              정지 해제
            </button>
          )}
        </div>
        <MutationError error={suspend.error ?? reactivate.error} />
      </td>
    </tr>
  );
}
