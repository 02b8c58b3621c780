// "About this GPU": what the engine runs on. A modal <dialog> (focus moves in,
// Escape closes, focus returns to the button).
import { useRef } from 'react';
import { useEngine } from '../engine-host/useEngine';
import { useT, type Translate } from '../../i18n';
import { fallbackReasonText } from './fallbackText';

const BYTE_LIMITS = new Set([
  'maxStorageBufferBindingSize',
  'maxBufferSize',
  'maxComputeWorkgroupStorageSize',
]);

function formatLimit(name: string, value: number): string {
  if (!BYTE_LIMITS.has(name)) return value.toLocaleString('en-US');
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let scaled = value;
  let unit = 0;
  while (scaled >= 1024 && unit < units.length - 1) {
    scaled /= 1024;
    unit += 1;
  }
  return `${Number(scaled.toFixed(scaled < 10 ? 2 : 1))} ${units[unit]}`;
}

function orUnknown(text: string, t: Translate): string {
  return text.trim() === '' ? t('about.unknown') : text;
}

function AboutContent() {
  const t = useT();
  const { backend, deviceInfo, fallbackReason, maxN, status } = useEngine();
  if (status === 'loading') return <p>{t('about.loading')}</p>;
  if (backend === 'cpu' || deviceInfo === null) {
    return (
      <dl className="facts">
        <dt>{t('about.backend')}</dt>
        <dd>{t('about.backend.cpu')}</dd>
        {fallbackReason !== null && (
          <>
            <dt>{t('about.cpuReason')}</dt>
            <dd>{fallbackReasonText(fallbackReason, t)}</dd>
          </>
        )}
        <dt>{t('about.cpuCap')}</dt>
        <dd>n ≤ {maxN}</dd>
      </dl>
    );
  }
  const { adapterInfo, features, limits, hasTimestamps } = deviceInfo;
  return (
    <>
      <dl className="facts">
        <dt>{t('about.backend')}</dt>
        <dd>{t('about.backend.webgpu')}</dd>
        <dt>{t('about.vendor')}</dt>
        <dd>{orUnknown(adapterInfo.vendor, t)}</dd>
        <dt>{t('about.architecture')}</dt>
        <dd>{orUnknown(adapterInfo.architecture, t)}</dd>
        <dt>{t('about.device')}</dt>
        <dd>{orUnknown(adapterInfo.device, t)}</dd>
        <dt>{t('about.description')}</dt>
        <dd>{orUnknown(adapterInfo.description, t)}</dd>
        <dt>{t('about.timestamps')}</dt>
        <dd data-testid="about-timestamps">
          {hasTimestamps ? t('about.timestamps.yes') : t('about.timestamps.no')}
        </dd>
        <dt>{t('about.features')}</dt>
        <dd>
          {features.length === 0 ? (
            t('about.none')
          ) : (
            <ul className="chips">
              {features.map((feature) => (
                <li key={feature} className="chip">
                  <code>{feature}</code>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <h3 className="dialog__subtitle">{t('about.limits')}</h3>
      <table className="limits">
        <tbody>
          {Object.entries(limits).map(([name, value]) => (
            <tr key={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td>{formatLimit(name, value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function AboutButton() {
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className="button" onClick={() => dialogRef.current?.showModal()}>
        {t('about.button')}
      </button>
      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby="about-title"
        onClick={(event) => {
          // A click on the backdrop (the dialog element itself, outside its box) closes it.
          if (event.target === event.currentTarget) dialogRef.current?.close();
        }}
      >
        <div className="dialog__body">
          <header className="dialog__header">
            <h2 id="about-title">{t('about.title')}</h2>
            <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
              {t('about.close')}
            </button>
          </header>
          <AboutContent />
        </div>
      </dialog>
    </>
  );
}
