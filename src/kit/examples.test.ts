// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../mocks/scenarios/index';
import { mockBackendSession } from '../../mocks/testing';
import { WORKSPACE_OF_GROUP } from '../session/personnel';
import { EXAMPLE_SCRIPTS } from './examples';
import { parseScript } from './script';

describe('the example task scripts', () => {
  it('name scenarios and personas that exist, and start in the persona’s own workspace', async () => {
    const { backend } = await mockBackendSession('gp');
    const personas = await backend.personas();
    expect(EXAMPLE_SCRIPTS.map((s) => s.id)).toEqual(['home-care-visit', 'emergency-triage', 'health-station-12-months']);
    for (const script of EXAMPLE_SCRIPTS) {
      expect(SCENARIOS.map((s) => s.id)).toContain(script.scenario);
      const persona = personas.find((p) => p.id === script.persona);
      expect(persona, `${script.id}: persona ${script.persona}`).toBeDefined();
      for (const task of script.tasks) expect(task.start).toBe(`/${WORKSPACE_OF_GROUP[persona!.personnelGroup]}`);
    }
  });

  it('a loaded script is checked: every problem named by its path', () => {
    const result = parseScript(JSON.stringify({ format: 'akson-usability-script/1', id: 's', title: 'S', tasks: [{ id: 'a', title: 'A', instruction: 'Gjør A', success: { kind: 'triage-level', level: 'purple' } }] }));
    expect('error' in result && result.error).toMatch(/tasks\.0\.success/);
    expect(parseScript('{ not json')).toHaveProperty('error', expect.stringMatching(/^JSON:/));
    const dup = parseScript(JSON.stringify({ format: 'akson-usability-script/1', id: 's', title: 'S', tasks: [{ id: 'a', title: 'A', instruction: 'x', success: { kind: 'home-visit-completed' } }, { id: 'a', title: 'B', instruction: 'y', success: { kind: 'home-visit-completed' } }] }));
    expect(dup).toEqual({ error: "tasks: the id 'a' is used twice" });
  });
});
