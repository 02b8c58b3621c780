// The app: the engine provider around the shell. The store and the URL are
// connected in main.tsx before the first render, so the first paint already
// shows the linked view.
import { EngineProvider } from './components/hooks/useEngine';
import { AppShell } from './components/shell/AppShell';

export function App() {
  return (
    <EngineProvider>
      <AppShell />
    </EngineProvider>
  );
}
