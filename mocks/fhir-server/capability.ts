import type { CapabilityStatement, CapabilityStatementRestResource } from 'fhir/r4';
import { DELETABLE_TYPES, DRAFT_STATUS } from './repository';
import { RESOURCE_TYPES } from './resourceTypes';
import { SEARCH_PARAMETERS, searchParamsOf } from './search-parameters';

/** GET /fhir/metadata: what the mock server supports, generated from the search table. */
export function capabilityStatement(baseUrl: string, date: string): CapabilityStatement {
  const resource: CapabilityStatementRestResource[] = [];
  for (const type of RESOURCE_TYPES) {
    const searchable = SEARCH_PARAMETERS[type] !== undefined;
    const interaction: CapabilityStatementRestResource['interaction'] = [
      { code: 'read' },
      { code: 'vread' },
      { code: 'update' },
      { code: 'history-instance' },
      { code: 'create' },
      { code: 'search-type' },
    ];
    if (DELETABLE_TYPES.has(type) || DRAFT_STATUS[type]) interaction.push({ code: 'delete' });
    const entry: CapabilityStatementRestResource = {
      type,
      interaction,
      versioning: 'versioned-update',
      readHistory: true,
      updateCreate: true,
      conditionalDelete: 'not-supported',
      searchParam: Object.entries(searchParamsOf(type)).map(([name, def]) => ({
        name,
        type: def.type,
        ...(def.documentation ? { documentation: def.documentation } : {}),
      })),
    };
    if (!DELETABLE_TYPES.has(type) && DRAFT_STATUS[type]) {
      const rule = DRAFT_STATUS[type];
      entry.documentation = `Delete only while ${type}.${rule?.element} is ${rule?.values.join(' or ')}.`;
    }
    if (!searchable) entry.documentation = `${entry.documentation ? `${entry.documentation} ` : ''}Only the common search parameters.`;
    resource.push(entry);
  }
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    kind: 'instance',
    publisher: 'Akson Journal (mock)',
    software: { name: 'Akson mock FHIR server', version: '1' },
    implementation: { description: 'In-memory mock FHIR R4 server for development, tests and usability sessions. Not for real patient data.', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        security: {
          cors: true,
          description: 'Bearer token from POST /token (persona sign-in, mock only).',
        },
        resource,
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
        searchParam: [
          { name: '_count', type: 'number', documentation: 'Page size, default 50, at most 1000.' },
          { name: '_offset', type: 'number', documentation: 'Paging offset (used in next/previous links).' },
          { name: '_sort', type: 'string' },
          { name: '_summary', type: 'token', documentation: 'Only _summary=count changes the answer.' },
          { name: '_elements', type: 'special', documentation: 'Top-level elements to return of each match (tagged SUBSETTED).' },
          { name: '_include', type: 'special' },
          { name: '_revinclude', type: 'special' },
        ],
      },
    ],
  };
}
