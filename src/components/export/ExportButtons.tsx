// Save buttons under a chart: PNG and SVG of the drawing, CSV and JSON of the numbers.
import type { RefObject } from 'react';
import { useT } from '../../i18n';
import { toJson } from './csv';
import { downloadBlob, downloadText, fileSlug } from './download';
import { svgBlob, svgToPngBlob } from './svgImage';
import styles from './ExportButtons.module.css';

export interface ExportButtonsProps {
  readonly fileStem: string;
  readonly svgRef?: RefObject<SVGSVGElement | null>;
  readonly csv?: () => string;
  readonly json?: () => unknown;
  readonly testId?: string;
}

export function ExportButtons({ fileStem, svgRef, csv, json, testId }: ExportButtonsProps) {
  const t = useT();
  const stem = fileSlug(fileStem);
  return (
    <div className={styles.row} data-testid={testId}>
      {svgRef && (
        <>
          <button
            type="button"
            className="button"
            onClick={() => {
              if (svgRef.current)
                void svgToPngBlob(svgRef.current).then((blob) => downloadBlob(blob, `${stem}.png`));
            }}
          >
            {t('view.savePng')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              if (svgRef.current) downloadBlob(svgBlob(svgRef.current), `${stem}.svg`);
            }}
          >
            {t('view.saveSvg')}
          </button>
        </>
      )}
      {csv && (
        <button
          type="button"
          className="button"
          data-testid={testId ? `${testId}-csv` : undefined}
          onClick={() => downloadText(csv(), `${stem}.csv`, 'text/csv')}
        >
          {t('view.saveCsv')}
        </button>
      )}
      {json && (
        <button
          type="button"
          className="button"
          data-testid={testId ? `${testId}-json` : undefined}
          onClick={() => downloadText(toJson(json()), `${stem}.json`, 'application/json')}
        >
          {t('view.saveJson')}
        </button>
      )}
    </div>
  );
}
