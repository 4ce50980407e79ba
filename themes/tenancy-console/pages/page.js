// What every page of the console is: it loads its data, renders a view, and asks the shell to render again
// when its state changes.
import { nothing } from '../lit.js';

export class Page {
  constructor(app, params) {
    this.app = app;
    this.params = params;
  }

  /** Loads what the page shows; an ApiError is shown by the shell, with a button to try again. */
  async load() {}

  view() {
    return nothing;
  }

  update() {
    this.app.render();
  }

  /**
   * Runs an API call for a control: remembers the error under {@code key} (shown next to that control), keeps
   * the control busy meanwhile, renders before and after. Resolves to the answer, or undefined on error.
   */
  async act(key, call) {
    this.errors = { ...(this.errors ?? {}), [key]: null };
    this.busy = key;
    this.update();
    try {
      return await call();
    } catch (error) {
      this.errors = { ...this.errors, [key]: error };
      return undefined;
    } finally {
      this.busy = null;
      this.update();
    }
  }

  error(key) {
    return this.errors?.[key] ?? null;
  }
}
