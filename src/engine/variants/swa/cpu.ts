// Sliding-window attention is softmax attention with a banded causal mask
// (query i sees keys i−w < j ≤ i), so it reuses the softmax references: the
// parallel form masks the band in the n×n matrix, and the flash form skips
// every key tile that lies wholly before the window.
export { runSoftmaxFamily as runSwa, softmaxFamilyWeights as swaWeights } from '../softmax/cpu';
export { cpu } from '../softmax/cpu';
