import { createMockBackend } from './mocks/fhir-server/backend';
const b = createMockBackend({ scenarioId: 'small', now: () => new Date('2026-11-26T09:00:00+01:00') });
const personas = await b.personas();
const tr = await b.handle(new Request('http://t/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: 'bergen-ed-nurse' }) }));
const { access_token } = await tr!.json() as {access_token:string};
async function get(path: string) { const r = await b.handle(new Request('http://t/fhir/' + path, { headers: { Authorization: 'Bearer ' + access_token } })); return r!.json(); }
const t0 = performance.now();
const board = await get('Encounter?service-provider=Organization/org-4601-ed-1&class=EMER&status=arrived,triaged,in-progress&_include=Encounter:subject&_count=200');
console.log('ms', performance.now() - t0, board.total, board.entry?.length);
console.log(JSON.stringify(board.entry?.map((e:any)=>[e.resource.resourceType, e.resource.id, e.resource.status, e.resource.priority?.text, e.resource.period?.start]), null, 0));
console.log(JSON.stringify(board.entry?.find((e:any)=>e.resource.status==='in-progress')?.resource, null, 1).slice(0,2500));
