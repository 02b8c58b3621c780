// Strings of lesson timing and chunking (issue 5): its lab and views. Add keys in both languages; the
// type system rejects a key missing in one.
import { defineMessages } from '../defineMessages';

export const perfMessages = defineMessages({
  en: {
    'lab.perf.title': 'Performance lab',
    'perf.casesCount': '{count} of at most {max} curves selected (the link keeps up to {max}).',
    'perf.chunkTag': 'C = {c}',
    'perf.chunkPlan':
      '{variant}, d = {d}: recurrent, parallel and chunk (C = {c}) at n = {from} … {to}, then the chunk form for C = 8 … 256 at n = {n}. {warmup} warm-up runs and the median of {runs} timed runs per point (the timing lab’s sweep); a form stops growing n when a point exceeds its share of the {budget} s budget.',
    'perf.chunkMeasured': '{variant} on {device} ({backend}); timing: {method}.',
    'perf.resolutionUnknown':
      'The browser does not report its timer resolution (Chrome rounds timestamps to 0.1 ms unless its WebGPU developer features are on); the smallest difference between two runs here is {value}.',
  },
  zh: {
    'lab.perf.title': '性能实验室',
    'perf.casesCount': '已选 {count} 条曲线，最多 {max} 条（链接最多保存 {max} 条）。',
    'perf.chunkTag': 'C = {c}',
    'perf.chunkPlan':
      '{variant}，d = {d}：先在 n = {from} … {to} 上测循环、并行和分块（C = {c}）三种形式，再在 n = {n} 上测 C = 8 … 256 的分块形式。每个点先预热 {warmup} 次，再取 {runs} 次计时的中位数（与计时实验相同的测量）；某个点超过它在 {budget} 秒预算中的份额后，该形式不再增大 n。',
    'perf.chunkMeasured': '{variant}，设备 {device}（{backend}）；计时方式：{method}。',
    'perf.resolutionUnknown':
      '浏览器不报告计时器分辨率（Chrome 会把时间戳取整到 0.1 ms，除非打开其 WebGPU 开发者功能）；这里两次运行之间的最小差值为 {value}。',
  },
});
