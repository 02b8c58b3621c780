// Strings of the views and labs (src/components/**, src/lessons/*/Lab.tsx).
// Add keys here in both languages; the type system rejects a key missing in one.
import { defineMessages } from '../defineMessages';

export const viewMessages = defineMessages({
  en: {
    'view.savePng': 'Save PNG',
    'view.saveSvg': 'Save SVG',
    'view.saveCsv': 'Save CSV',
    'view.saveJson': 'Save JSON',
    'view.computing': 'Computing…',
    'view.play': 'Play',
    'view.pause': 'Pause',
  },
  zh: {
    'view.savePng': '保存 PNG',
    'view.saveSvg': '保存 SVG',
    'view.saveCsv': '保存 CSV',
    'view.saveJson': '保存 JSON',
    'view.computing': '计算中…',
    'view.play': '播放',
    'view.pause': '暂停',
  },
});
