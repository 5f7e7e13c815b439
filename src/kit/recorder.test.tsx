import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, cleanup } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { KIT_ATTRIBUTE, startRecording } from './recorder';

afterEach(cleanup);

function Page() {
  const [error, setError] = useState(false);
  return (
    <>
      <main>
        <label>
          Rapport <input />
        </label>
        <button onClick={() => setError(true)}>Lagre</button>
        {error && <div role="alert">Ikke lagret ennå</div>}
      </main>
      <aside {...{ [KIT_ATTRIBUTE]: '' }}>
        <button>Neste oppgave</button>
        <label>
          Notater <input />
        </label>
        <div role="alert">Panelets egen melding</div>
      </aside>
    </>
  );
}

describe('recording a task', () => {
  it('counts the participant’s clicks and keystrokes and the errors shown, not the tester panel’s', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const recorder = startRecording({ root: document, initialPath: '/home-care' });
    await user.click(screen.getByRole('textbox', { name: 'Rapport' }));
    await user.keyboard('Rolig');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    // In the panel: none of this counts.
    await user.click(screen.getByRole('button', { name: 'Neste oppgave' }));
    await user.click(screen.getByRole('textbox', { name: 'Notater' }));
    await user.keyboard('Lette lenge');
    // The panel's shortcut does not count either.
    await user.keyboard('{Control>}{Alt>}t{/Alt}{/Control}');
    const m = recorder.stop();
    expect(m.clicks).toBe(2);
    expect(m.keystrokes).toBe(5);
    expect(m.errors.map((e) => e.text)).toEqual(['Ikke lagret ennå']);
  });

  it('records the screens visited, and nothing after it stops', async () => {
    const user = userEvent.setup();
    render(<Page />);
    let navigate: (path: string) => void = () => undefined;
    const recorder = startRecording({ root: document, initialPath: '/home-care', subscribeNavigation: (cb) => ((navigate = cb), () => (navigate = () => undefined)) });
    navigate('/home-care/visit/a1');
    navigate('/home-care/visit/a1');
    navigate('/home-care');
    const m = recorder.stop();
    expect(m.path).toEqual(['/home-care', '/home-care/visit/a1', '/home-care']);
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(recorder.measures().clicks).toBe(0);
  });
});
