/**
 * The reference case (seed 003, "Fördelning överenskommelse God och nära vård 2022") as request
 * bodies. The seed names the areas, the decision points and the recipients but gives no amounts:
 * the amounts here are illustrative (a total of 60 000 000 kr).
 */
export const MKR = 1_000_000_00; // one million kronor in öre

export const ORGANISATION = { organisationId: 'region-exempel', name: 'Region Exempel', kind: 'region' };
export const REGIONAL_BOARD = { bodyId: 'regionstyrelsen', name: 'Regionstyrelsen', kind: 'regional_board' };
export const HEALTH_COMMITTEE = { bodyId: 'halso-och-sjukvardsnamnden', name: 'Hälso- och sjukvårdsnämnden', kind: 'committee' };

export const BOARD_MEMBERS = [
  { userId: 'eva.ordforande', name: 'Eva Ordförande', seat: 'ordinary' },
  { userId: 'olof.ledamot', name: 'Olof Ledamot', seat: 'ordinary' },
  { userId: 'karin.ledamot', name: 'Karin Ledamot', seat: 'ordinary' },
  { userId: 'nils.ledamot', name: 'Nils Ledamot', seat: 'ordinary' },
  { userId: 'maria.justerare', name: 'Maria Justerare', seat: 'ordinary' },
  { userId: 'lars.ersattare', name: 'Lars Ersättare', seat: 'deputy' },
  { userId: 'sofia.ersattare', name: 'Sofia Ersättare', seat: 'deputy' },
] as const;
export const CHAIR = 'eva.ordforande';
export const ADJUSTER = 'maria.justerare';

export const CASE = { registry: 'RS', title: 'Fördelning överenskommelse God och nära vård 2022' };

export const AREAS = [
  { areaId: 'nara-vard', name: 'Utvecklingen av den nära vården med primärvården som nav', budgetOre: 30 * MKR },
  { areaId: 'medarbetare', name: 'Goda förutsättningar för vårdens medarbetare', budgetOre: 12 * MKR },
  { areaId: 'vision-ehalsa', name: 'Insatser inom ramen för Vision e-hälsa 2025', budgetOre: 10 * MKR },
  { areaId: 'ambulans', name: 'En förstärkt ambulanssjukvård', budgetOre: 8 * MKR },
] as const;

export const OFFICIAL_REPORT = {
  summary: 'Regionens andel av statsbidraget God och nära vård 2022 fördelas på fyra utvecklingsområden.',
  caseDescription:
    'Sveriges kommuner och regioner (SKR) har tillsammans med staten beslutat om överenskommelsen God och nära vård 2022 - ' +
    'En omställning av hälso- och sjukvården med primärvården som nav. Överenskommelsen består av fyra utvecklingsområden. ' +
    'Inom respektive utvecklingsområde utses ansvarig tjänsteperson vilken har till uppdrag att föreslå aktiviteter inom sitt område.',
  decisionPoints: [
    { number: 1, text: 'Förslag till fördelning av God och nära vård 2022 - En omställning av hälso- och sjukvården med primärvården som nav godkänns.' },
    {
      number: 2,
      text: 'Regiondirektören får i uppdrag att besluta om aktiviteter för respektive utvecklingsområde samt vid behov besluta om omfördelning inom utvecklingsområdet.',
    },
    { number: 3, text: 'Protokollet ska delges hälso- och sjukvårdsnämnden.' },
  ],
  extractRecipients: [
    'Hälso- och sjukvårdsdirektör',
    'Regionstabschef',
    'Chef Hälso- och sjukvårdspolitiska avdelningen',
    'Beställarchef',
    'Chef Division Nära vård',
  ],
  informBodies: ['Hälso- och sjukvårdsnämnden'],
};

export const AGREEMENT = {
  name: 'God och nära vård 2022 - En omställning av hälso- och sjukvården med primärvården som nav',
  stateReference: 'S2022/00042',
  year: 2022,
  totalOre: 60 * MKR,
  areas: AREAS.map(({ areaId, name }) => ({ areaId, name })),
  useDeadline: '2022-12-31',
  reportingDate: '2023-03-31',
  repaymentDate: '2023-06-30',
};

/** decision point 2 of seed 003 as a delegation: activities and reallocation inside each area */
export const DELEGATION_SCOPE_KINDS = ['decide_activities', 'reallocate_within_area'];
export const DELEGATION_AMOUNT_LIMIT_ORE = 5 * MKR;

export const AREA3_ACTIVITIES = [
  { title: 'Strukturerad vårdinformation i journalen', amountOre: 4 * MKR },
  { title: 'Gemensam tillämpning av standarder', amountOre: 3 * MKR },
] as const;
