export function createHarnessActivities(deps: { stamped: string[] }) {
  return {
    async stamp(label: string): Promise<void> {
      deps.stamped.push(label);
    },
  };
}
