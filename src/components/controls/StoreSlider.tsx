// A slider bound to one numeric field of the view store: its value, range,
// step and grid come from LIMITS (exactly what the URL schema accepts) and
// moving it calls setView. A site says only what differs from LIMITS: the grid
// it moves over, a lab's narrower cap, how the value reads.
import { LIMITS, type NumericKey } from '../../state/limits';
import { useViewStore } from '../../state/store';
import type { ViewState } from '../../state/types';
import { Slider, type SliderProps } from './Slider';
import { logGrid, powersOfTwo } from './sliderScale';

/** Fields of the view state that hold a number and have a LIMITS entry. */
export type SliderField = {
  [K in NumericKey & keyof ViewState]: ViewState[K] extends number ? K : never;
}[NumericKey & keyof ViewState];

/**
 * What the slider moves over: 'log' the 1, 1.5, 2, 3, 4, 6… ladder, 'pow2'
 * powers of two (both inside the slider's bounds), or a list of values.
 */
export type SliderGrid = 'log' | 'pow2' | readonly number[];

export interface StoreSliderProps extends Pick<
  SliderProps,
  'label' | 'format' | 'hint' | 'disabled' | 'testId'
> {
  readonly field: SliderField;
  /** Default: LIMITS' step, or powers of two for a field whose LIMITS scale is 'pow2'. */
  readonly grid?: SliderGrid;
  /** A list grid also offers the shown value when a link set one off the list. */
  readonly keepValue?: boolean;
  /** Lower bound when narrower than LIMITS'. */
  readonly min?: number;
  /** A lab's cap, when narrower than LIMITS': the slider shows the value clamped to it, as the lab computes. */
  readonly max?: number;
  /** Step of a continuous slider when coarser than LIMITS'. */
  readonly step?: number;
  /** Shown instead of the store's value while the lab computes with another (e.g. a fixed worked example). */
  readonly value?: number;
}

export function StoreSlider({
  field,
  grid,
  keepValue = false,
  min,
  max,
  step,
  value,
  ...shown
}: StoreSliderProps) {
  const stored = useViewStore((s) => s[field]);
  const setView = useViewStore((s) => s.setView);
  const limit = LIMITS[field];
  const lo = min ?? limit.min;
  const hi = max ?? limit.max;
  const current = value ?? (max === undefined ? stored : Math.min(stored, max));
  const values = gridValues(
    grid ?? ('scale' in limit && limit.scale === 'pow2' ? 'pow2' : undefined),
    lo,
    hi,
  );
  return (
    <Slider
      {...shown}
      value={current}
      values={
        keepValue && values && !values.includes(current) ? [...values, current].sort((a, b) => a - b) : values
      }
      min={lo}
      max={hi}
      step={step ?? limit.step}
      onChange={(next) => setView({ [field]: next })}
    />
  );
}

function gridValues(grid: SliderGrid | undefined, lo: number, hi: number): readonly number[] | undefined {
  if (grid === 'log') return logGrid(lo, hi);
  if (grid === 'pow2') return powersOfTwo(lo, hi);
  return grid;
}
