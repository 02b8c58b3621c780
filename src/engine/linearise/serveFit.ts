// The Worker side of the fit protocol, apart from the Worker global so that a
// test can drive it through a plain object.
import type { FitCall, FitReply } from './protocol';
import { HedgehogFit } from './session';

export interface FitServerPort {
  onmessage: ((event: { readonly data: FitCall }) => void) | null;
  postMessage(message: FitReply, transfer: Transferable[]): void;
}

export function serveFit(port: FitServerPort, now: () => number = () => performance.now()): void {
  let fit: HedgehogFit | null = null;
  let session = -1;
  let reported = 0;

  const snapshot = (): void => {
    if (!fit) return;
    const points = fit.history.slice(reported);
    reported = fit.history.length;
    const w = Float64Array.from(fit.w);
    const map = Float64Array.from(fit.current.map);
    const output = Float64Array.from(fit.current.output);
    port.postMessage({ kind: 'snapshot', session, step: fit.step, points, w, map, output }, [
      w.buffer,
      map.buffer,
      output.buffer,
    ]);
  };

  port.onmessage = (event) => {
    const call = event.data;
    try {
      if (call.kind === 'start') {
        session = call.session;
        fit = null;
        fit = HedgehogFit.fromInputs(call.inputs, call.settings);
        reported = 0;
        snapshot();
        return;
      }
      // An advance for an older fit: the page has moved on.
      if (call.session !== session || !fit) return;
      const started = now();
      for (let s = 0; s < call.maxSteps; s++) {
        fit.advance(1);
        if (now() - started >= call.budgetMs) break;
      }
      snapshot();
    } catch (error) {
      port.postMessage(
        {
          kind: 'error',
          session: call.session,
          message: error instanceof Error ? error.message : String(error),
        },
        [],
      );
    }
  };
}
