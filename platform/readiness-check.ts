/** A dependency the process cannot serve without; readiness reports each one separately. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}
