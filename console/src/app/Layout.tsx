import { useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { mayUse } from '../auth/access';
import { session } from '../auth/session';
import { useSession } from '../auth/useSession';
import { consoleRoutes, hrefOf } from './routes';

export function Layout() {
  const state = useSession();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const signedIn = state.status === 'signedIn' ? state : null;
  const area = signedIn?.me.role === 'ADMIN' ? 'admin' : 'seller';
  const links = signedIn
    ? consoleRoutes.filter((route) => route.area === area && !route.hidden && mayUse(signedIn, route))
    : [];

  const signOut = async () => {
    await session.signOut();
    queries.clear();
    navigate('/login', { replace: true });
  };

  return (
    <div className="shell">
      <header className="top">
        <span className="brand">장터 {area === 'admin' ? '관리자' : '판매자 센터'}</span>
        {signedIn?.me.role === 'MANAGER' && (
          <label className="seller-picker">
            판매자 선택
            <select
              value={signedIn.actingSellerId ?? ''}
              onChange={(event) => {
                session.chooseSeller(event.target.value);
                queries.clear();
              }}
            >
              {(signedIn.me.managedSellers ?? []).map((seller) => (
                <option key={seller.sellerId} value={seller.sellerId}>
                  {seller.sellerId}
                </option>
              ))}
            </select>
          </label>
        )}
        {signedIn && (
          <button type="button" className="link-button" onClick={() => void signOut()}>
            로그아웃
          </button>
        )}
      </header>
      <nav className="nav" aria-label="메뉴">
        {signedIn ? (
          links.map((route) => (
            <NavLink key={hrefOf(route)} to={hrefOf(route)} end aria-label={route.label}>
              {route.label}
            </NavLink>
          ))
        ) : (
          <NavLink to="/login" aria-label="로그인">
            로그인
          </NavLink>
        )}
      </nav>
      <main className="content">
        {state.status === 'signedOut' && state.reason && <p className="notice">{state.reason}</p>}
        <Outlet />
      </main>
    </div>
  );
}
