// The app: the engine provider around the shell. The store and the URL are
// connected in main.tsx before the first render, so the first paint already
// shows the linked view.
import { EngineProvider } from './engine-host/useEngine';
import { AppShell } from './shell/AppShell';

export function App() {
  return (
    <EngineProvider>
      <AppShell />
    </EngineProvider>
  );
}
