import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { landingOf } from '../auth/access';
import { session } from '../auth/session';
import { useSession } from '../auth/useSession';

/** 로그인 for sellers, managers and admins; each lands on its own area (or where it was sent from). */
export function LoginPage() {
  const state = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (state.status === 'signedIn') return <Navigate to={from ?? landingOf(state)} replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const refused = await session.signIn(String(form.get('email')), String(form.get('password')));
      if (refused) setError(refused);
      else {
        const now = session.get();
        if (now.status === 'signedIn') navigate(from ?? landingOf(now), { replace: true });
      }
    } catch {
      setError('서버에 연결하지 못했습니다. 잠시 후 다시 시도하세요.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="login">
      <h1>로그인</h1>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          이메일
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          비밀번호
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          로그인
        </button>
      </form>
    </section>
  );
}
