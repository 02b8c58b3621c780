// Controls as the labs show them: a continuous slider, one over a log ladder,
// a segmented choice and a toggle; and the store field a StoreSlider binds.
import type { SliderProps } from './Slider';
import type { StoreSliderProps } from './StoreSlider';

export const continuousSlider: SliderProps = {
  label: 'Temperature',
  value: 1.5,
  onChange: () => undefined,
  min: 0.1,
  max: 8,
  step: 0.05,
  hint: 'Divides the scores',
  testId: 'temperature-slider',
};

export const ladderSlider: SliderProps = {
  label: 'Sequence length n',
  value: 256,
  onChange: () => undefined,
  values: [64, 128, 256, 512],
  format: (value) => `n = ${value}`,
  testId: 'n-slider',
};

export const storeSliderFixture: StoreSliderProps = {
  field: 'n',
  label: 'Sequence length n',
  grid: 'log',
  max: 1024,
  testId: 'n-slider',
};

export const segmentedOptions = [
  { value: 'elu1', label: 'elu + 1' },
  { value: 'relu', label: 'ReLU' },
] as const;
