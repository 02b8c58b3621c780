// What a lab prints: two computed numbers (one with a detail line) and one
// still computing; and an engine refusal that names the largest n that fits.
import type { ReadoutItem } from './Readout';

export const readoutFixture: readonly ReadoutItem[] = [
  { name: 'score-count', label: 'Scores', text: '65 536', value: 65536, detail: 'n² for n = 256' },
  { name: 'score-bytes', label: 'Memory of the scores', text: '256 KiB', value: 262144 },
  { name: 'run-ms', label: 'Time of one run', text: null },
];

export const tooBigError = Object.assign(new Error('n = 65536 does not fit this device.'), { maxN: 16384 });
