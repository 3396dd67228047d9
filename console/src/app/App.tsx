import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { landingOf } from '../auth/access';
import { useSession } from '../auth/useSession';
import { LoginPage } from '../pages/LoginPage';
import { Guard } from './Guard';
import { Layout } from './Layout';
import { consoleRoutes, hrefOf } from './routes';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 15_000, retry: 1, refetchOnWindowFocus: true } },
});

function Landing() {
  const session = useSession();
  if (session.status === 'restoring') return <p className="muted">불러오는 중…</p>;
  return <Navigate to={session.status === 'signedIn' ? landingOf(session) : '/login'} replace />;
}

function NotFound() {
  return <p role="alert">없는 화면입니다.</p>;
}

const router = createBrowserRouter(
  [
    {
      path: '/',
      element: <Layout />,
      children: [
        { index: true, element: <Landing /> },
        { path: 'login', element: <LoginPage /> },
        ...consoleRoutes.map((route) => ({ path: hrefOf(route).slice(1), element: <Guard route={route} /> })),
        { path: '*', element: <NotFound /> },
      ],
    },
  ],
  { basename: '/console' },
);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
