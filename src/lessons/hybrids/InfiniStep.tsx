// What Infini-attention's steps show below the controls: its numbers, then the
// implied map and the memory branch's share (segments) or the sizes against
// the KV cache (memory).
import type { Backend } from '../../engine';
import { useT } from '../../i18n';
import { EngineErrorNote } from '../../components/lab/EngineErrorNote';
import { Readout } from '../../components/lab/Readout';
import { InfiniMapSection } from './InfiniMapSection';
import { infiniItems } from './infiniItems';
import { MemoryShareSection } from './MemoryShareSection';
import { MemorySizesSection } from './MemorySizesSection';
import type { InfiniRuns } from './useInfiniRuns';

export function InfiniStep({
  runs,
  memoryStep,
  n,
  d,
  segment,
  backend,
}: {
  readonly runs: InfiniRuns;
  /** The 'memory' step shows the sizes instead of the map and the shares. */
  readonly memoryStep: boolean;
  readonly n: number;
  readonly d: number;
  readonly segment: number;
  readonly backend: Backend;
}) {
  const t = useT();
  const { weights, run, gate } = runs;
  return (
    <>
      <Readout computingText={t('view.computing')} items={infiniItems(t, { n, d, segment, backend }, runs)} />
      <EngineErrorNote error={weights.error ?? run.error} />
      {!memoryStep && <InfiniMapSection weights={weights} n={n} segment={segment} gate={gate} />}
      {!memoryStep && <MemoryShareSection shares={runs.shownShares} n={n} segment={segment} gate={gate} />}
      {memoryStep && <MemorySizesSection n={n} d={d} segment={segment} />}
    </>
  );
}
