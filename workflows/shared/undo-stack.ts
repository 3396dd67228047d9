/**
 * The saga's undo stack: each step that changed something pushes its undo as it succeeds; on
 * failure or cancellation the undos run newest first. `Scope` is what the undos act on (the parts
 * being cancelled, for an order; nothing, for a payment attempt).
 */
export interface Undo<Scope> {
  step: string;
  run: (scope: Scope) => Promise<unknown>;
}

export class UndoStack<Scope = void> {
  private readonly undos: Array<Undo<Scope>> = [];

  push(step: string, run: (scope: Scope) => Promise<unknown>): Undo<Scope> {
    const undo = { step, run };
    this.undos.push(undo);
    return undo;
  }

  /** The step needs no undo any more (a definite answer, or a later step took over its undo). */
  drop(undo: Undo<Scope>): void {
    const at = this.undos.indexOf(undo);
    if (at >= 0) this.undos.splice(at, 1);
  }

  /**
   * Runs the undos newest first. With `onFailure`, an undo that fails is reported and the older ones
   * still run; without it, the failure stops the unwinding and is thrown.
   */
  async unwind(scope: Scope, onFailure?: (step: string, error: unknown) => void): Promise<void> {
    for (const undo of [...this.undos].reverse()) {
      if (!onFailure) {
        await undo.run(scope);
        continue;
      }
      try {
        await undo.run(scope);
      } catch (error) {
        onFailure(undo.step, error);
      }
    }
  }
}
