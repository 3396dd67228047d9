import { Link } from 'react-router';
import { consoleRoutes, hrefOf } from '../../app/routes';

/** The admin landing: a menu of the admin screens for now. */
export default function AdminHomePage() {
  return (
    <section>
      <h1>관리 홈</h1>
      <ul className="cards">
        {consoleRoutes
          .filter((route) => route.area === 'admin' && route.path && !route.hidden)
          .map((route) => (
            <li key={route.path}>
              <Link className="card" to={hrefOf(route)}>
                {route.label}
              </Link>
            </li>
          ))}
      </ul>
    </section>
  );
}
