import { COURIERS } from './couriers';

/** The couriers the API accepts, as the options of a 택배사 select. */
export function CourierOptions() {
  return (
    <>
      {COURIERS.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </>
  );
}
