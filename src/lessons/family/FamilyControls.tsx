// Lesson 9's pattern settings: window w, block size, global tokens, LSH
// buckets, Linformer's k and Nyström's landmarks.
import { StoreSlider } from '../../components/controls/StoreSlider';
import { logGrid } from '../../components/controls/sliderScale';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';

/** Windows the slider offers (the URL accepts larger ones). */
const WINDOWS = logGrid(1, 512);

export function FamilyControls() {
  const t = useT();
  return (
    <div className={styles.controls}>
      <StoreSlider
        field="window"
        label={t('family.window')}
        grid={WINDOWS}
        hint={t('family.windowHint')}
        testId="window-slider"
      />
      <StoreSlider
        field="block"
        label={t('family.block')}
        hint={t('family.blockHint')}
        testId="block-slider"
      />
      <StoreSlider
        field="globals"
        label={t('family.globals')}
        hint={t('family.globalsHint')}
        testId="globals-slider"
      />
      <StoreSlider
        field="buckets"
        label={t('family.buckets')}
        hint={t('family.bucketsHint')}
        testId="buckets-slider"
      />
      <StoreSlider
        field="kproj"
        label={t('family.kproj')}
        grid="log"
        hint={t('family.kprojHint')}
        testId="kproj-slider"
      />
      <StoreSlider
        field="landmarks"
        label={t('family.landmarks')}
        hint={t('family.landmarksHint')}
        testId="landmarks-slider"
      />
    </div>
  );
}
