/** A screen not built yet: says so, in the place the finished screen will take. */
export function Placeholder({ title, plan }: { title: string; plan: string }) {
  return (
    <section>
      <h1>{title}</h1>
      <p className="muted">준비 중인 화면입니다. {plan}</p>
    </section>
  );
}
