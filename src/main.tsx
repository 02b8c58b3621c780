import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles/index.css';
import { App } from './app/App';
import { applyDocumentSettings } from './app/shell/useDocumentSync';
import { getLesson } from './lessons/index';
import { registerLessons } from './state/lessonCatalog';
import { browserUrlEnvironment, startUrlSync } from './state/urlSync';

// The view state learns the lessons of this build (steps, defaults, n caps) before any link is parsed.
registerLessons(getLesson);
startUrlSync(browserUrlEnvironment());
applyDocumentSettings();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
