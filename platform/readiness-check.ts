/** A dependency readiness reports on, each one separately. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
  /**
   * False for a dependency requests can do without for a while (Redis: the guards fall back;
   * Temporal: its client reconnects): reported as degraded, never taking the process out of the
   * load balancer — every replica shares it, so failing all of them would only turn an outage of
   * one service into an outage of the shop (docs/deployment.md, "Readiness"). Default true.
   */
  required?: boolean;
}
