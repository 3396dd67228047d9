import { Suspense } from 'react';
import { Navigate, useLocation } from 'react-router';
import { mayUse } from '../auth/access';
import { useSession } from '../auth/useSession';
import type { ConsoleRoute } from './routes';

/** Signed out: to 로그인 (and back here after). Not allowed: 권한이 없습니다. Otherwise the screen. */
export function Guard({ route }: { route: ConsoleRoute }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'restoring') return <p className="muted">불러오는 중…</p>;
  if (session.status === 'signedOut')
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (!mayUse(session, route))
    return (
      <section className="refused" role="alert">
        <h1>권한이 없습니다</h1>
        <p>{route.label} 화면을 쓸 권한이 없습니다. 판매자에게 권한을 요청하세요.</p>
      </section>
    );
  const Page = route.page;
  return (
    <Suspense fallback={<p className="muted">불러오는 중…</p>}>
      <Page />
    </Suspense>
  );
}
