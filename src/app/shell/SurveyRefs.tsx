// The survey sections a lesson mirrors: seed file and heading (quoted in Chinese, as the seed writes it).
import type { SurveyRef } from '../../lessons/types';

export function SurveyRefs({ refs, label }: { refs: readonly SurveyRef[]; label: string }) {
  return (
    <div className="survey">
      <span className="survey__label">{label}</span>
      <ul className="survey__list">
        {refs.map((ref) => (
          <li key={`${ref.seed}:${ref.heading}`} className="survey__item">
            <span className="survey__seed">{ref.seed}</span>
            <span className="survey__heading" lang="zh-Hans">
              {ref.heading}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
