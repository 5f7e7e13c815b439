/**
 * Names for synthetic people. Norwegian given names by birth cohort (what was common when the
 * person was born), common Norwegian family names (including æ/ø/å and Sámi names common in
 * Northern Norway), and names of the largest immigrant groups in Norway.
 */

export type Sex = 'male' | 'female';

export interface NamePool {
  male: readonly string[];
  female: readonly string[];
}

/** Born before 1965. */
const OLDER: NamePool = {
  male: [
    'Ole', 'Kjell', 'Arne', 'Per', 'Jan', 'Bjørn', 'Svein', 'Knut', 'Odd', 'Terje', 'Geir', 'Rolf', 'Tor', 'Harald', 'Leif',
    'Olav', 'Egil', 'Einar', 'Magne', 'Reidar', 'Arvid', 'Sverre', 'Gunnar', 'Alf', 'Asbjørn', 'Håkon', 'Nils', 'Johan',
    'Ragnar', 'Finn', 'Trygve', 'Oddvar', 'Erling', 'Sigurd', 'Helge', 'Ivar',
  ],
  female: [
    'Kari', 'Anne', 'Ingrid', 'Solveig', 'Randi', 'Bjørg', 'Liv', 'Gerd', 'Astrid', 'Marit', 'Turid', 'Eva', 'Berit', 'Inger',
    'Gunvor', 'Ragnhild', 'Sigrid', 'Åse', 'Aud', 'Karin', 'Torill', 'Else', 'Grete', 'Reidun', 'Jorunn', 'Ellen', 'Wenche',
    'Oddny', 'Ruth', 'Synnøve', 'Margit', 'Borghild', 'Signe', 'Ingeborg', 'Laila', 'Unni',
  ],
};

/** Born 1965–1999. */
const MIDDLE: NamePool = {
  male: [
    'Morten', 'Lars', 'Trond', 'Frode', 'Thomas', 'Stian', 'Espen', 'Anders', 'Kristian', 'Martin', 'Erik', 'Andreas', 'Eirik',
    'Jørgen', 'Øyvind', 'Rune', 'Tore', 'Vegard', 'Kjetil', 'Ståle', 'Håvard', 'Christian', 'Marius', 'Kenneth', 'Pål',
    'Tommy', 'Ørjan', 'Sindre', 'Fredrik', 'Magnus', 'Joakim', 'Sondre', 'Eivind', 'Audun', 'Bård',
  ],
  female: [
    'Hilde', 'Heidi', 'Silje', 'Camilla', 'Ida', 'Kristin', 'Linda', 'Hege', 'Tone', 'Siri', 'Marianne', 'Trine', 'Lene', 'Mona',
    'Nina', 'Elisabeth', 'Ingvild', 'Kjersti', 'Guro', 'Mari', 'Ane', 'Stine', 'Therese', 'Marte', 'Tonje', 'Line', 'Synne',
    'Maren', 'Kaja', 'Sølvi', 'Gøril', 'Ragnhild', 'Eli', 'Vibeke', 'Cecilie',
  ],
};

/** Born 2000 or later. */
const MODERN: NamePool = {
  male: [
    'Jakob', 'Emil', 'Noah', 'Oliver', 'Filip', 'William', 'Lucas', 'Liam', 'Henrik', 'Aksel', 'Oskar', 'Isak', 'Elias',
    'Mathias', 'Sander', 'Jonas', 'Theodor', 'Johannes', 'Tobias', 'Ludvig', 'Even', 'Kasper', 'Adrian', 'Markus',
    'Benjamin', 'Olav', 'Brage', 'Mikkel', 'Vetle', 'Storm', 'Iver', 'Edvard', 'Ask', 'Sverre', 'Eskil',
  ],
  female: [
    'Nora', 'Emma', 'Olivia', 'Ella', 'Sofie', 'Leah', 'Frida', 'Maja', 'Sara', 'Hedda', 'Amalie', 'Thea', 'Selma', 'Tiril',
    'Vilde', 'Julie', 'Emilie', 'Linnea', 'Aurora', 'Iben', 'Mathilde', 'Tuva', 'Hanna', 'Live', 'Alma', 'Astrid', 'Ingrid',
    'Sigrid', 'Ylva', 'Eline', 'Mia', 'Oda', 'Åsta', 'Ronja', 'Solveig',
  ],
};

export const NORWEGIAN_FAMILY_NAMES: readonly string[] = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Johnsen',
  'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl', 'Jørgensen',
  'Henriksen', 'Lund', 'Halvorsen', 'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand', 'Solberg', 'Svendsen',
  'Eide', 'Knutsen', 'Martinsen', 'Paulsen', 'Bakken', 'Kristoffersen', 'Mathisen', 'Lie', 'Amundsen', 'Rasmussen', 'Lunde',
  'Solheim', 'Berge', 'Moe', 'Nygård', 'Bakke', 'Kristensen', 'Fredriksen', 'Holm', 'Lien', 'Hauge', 'Christensen', 'Andresen',
  'Nielsen', 'Knudsen', 'Evensen', 'Sæther', 'Aas', 'Myhre', 'Hanssen', 'Haugland', 'Thomassen', 'Sivertsen', 'Simonsen',
  'Danielsen', 'Berntsen', 'Sandvik', 'Rønning', 'Arnesen', 'Antonsen', 'Næss', 'Vik', 'Haug', 'Ellingsen', 'Thorsen',
  'Edvardsen', 'Birkeland', 'Isaksen', 'Gulbrandsen', 'Ruud', 'Aasen', 'Strøm', 'Myklebust', 'Tangen', 'Ødegård', 'Hovland',
  'Østby', 'Brekke', 'Håland', 'Søvik', 'Økland', 'Fjeld', 'Kvåle', 'Grønvold', 'Bjørnstad', 'Løken', 'Sætre', 'Ås',
];

/** Sámi and Kven family names, more common in Troms. */
export const NORTHERN_FAMILY_NAMES: readonly string[] = ['Hætta', 'Sara', 'Eira', 'Utsi', 'Somby', 'Pedersen', 'Mikkelsen', 'Nilssen', 'Johnsen', 'Kalstad'];

export interface Origin {
  key: string;
  /** Share of the population (all origins sum to 1). */
  share: number;
  given: NamePool;
  family: readonly string[];
}

export const ORIGINS: readonly Origin[] = [
  { key: 'no', share: 0.875, given: MIDDLE, family: NORWEGIAN_FAMILY_NAMES }, // given names by cohort, see givenNamePool
  {
    key: 'pl',
    share: 0.03,
    given: {
      male: ['Piotr', 'Tomasz', 'Krzysztof', 'Paweł', 'Michał', 'Jakub', 'Marcin', 'Kacper'],
      female: ['Anna', 'Katarzyna', 'Magdalena', 'Agnieszka', 'Joanna', 'Zofia', 'Maja', 'Ewa'],
    },
    family: ['Nowak', 'Kowalczyk', 'Wójcik', 'Kaczmarek', 'Mazur', 'Krawczyk', 'Zając', 'Wróbel'],
  },
  {
    key: 'so',
    share: 0.015,
    given: { male: ['Abdi', 'Mohamed', 'Abdullahi', 'Hassan', 'Yusuf', 'Ahmed'], female: ['Fadumo', 'Hodan', 'Amina', 'Hibo', 'Sahra', 'Asha'] },
    family: ['Mohamed', 'Abdi', 'Hassan', 'Warsame', 'Omar', 'Farah'],
  },
  {
    key: 'pk',
    share: 0.015,
    given: { male: ['Ali', 'Imran', 'Usman', 'Bilal', 'Hamza', 'Zain'], female: ['Aisha', 'Sana', 'Fatima', 'Mariam', 'Nadia', 'Hina'] },
    family: ['Khan', 'Hussain', 'Ahmed', 'Iqbal', 'Butt', 'Malik', 'Ali'],
  },
  {
    key: 'vn',
    share: 0.01,
    given: { male: ['Minh', 'Duc', 'Tuan', 'Hung', 'Nam'], female: ['Linh', 'Thi', 'Mai', 'Lan', 'Hoa'] },
    family: ['Nguyen', 'Tran', 'Pham', 'Le', 'Vu'],
  },
  {
    key: 'se',
    share: 0.015,
    given: { male: ['Johan', 'Mikael', 'Anders', 'Fredrik', 'Oscar'], female: ['Karin', 'Maria', 'Elin', 'Johanna', 'Linnéa'] },
    family: ['Andersson', 'Johansson', 'Karlsson', 'Lindqvist', 'Svensson', 'Bergström'],
  },
  {
    key: 'er',
    share: 0.01,
    given: { male: ['Yonas', 'Tesfay', 'Dawit', 'Samuel', 'Daniel'], female: ['Helen', 'Selam', 'Senait', 'Ruta', 'Luwam'] },
    family: ['Tesfaye', 'Gebremariam', 'Haile', 'Berhane', 'Kidane'],
  },
  {
    key: 'sy',
    share: 0.01,
    given: { male: ['Omar', 'Khaled', 'Mahmoud', 'Yousef', 'Karim'], female: ['Layla', 'Rania', 'Nour', 'Hala', 'Yasmin'] },
    family: ['Alhassan', 'Khalil', 'Haddad', 'Alali', 'Darwish'],
  },
  {
    key: 'lt',
    share: 0.02,
    given: { male: ['Tomas', 'Mantas', 'Darius', 'Lukas'], female: ['Rasa', 'Ieva', 'Greta', 'Laura'] },
    family: ['Kazlauskas', 'Petrauskas', 'Jankauskas', 'Butkus'],
  },
];

/** Given names for a Norwegian-born person by birth year (with some spill-over between cohorts). */
export function norwegianGivenPool(birthYear: number, roll: number): NamePool {
  if (birthYear < 1965) return roll < 0.85 ? OLDER : MIDDLE;
  if (birthYear < 2000) return roll < 0.1 ? OLDER : roll < 0.9 ? MIDDLE : MODERN;
  return roll < 0.9 ? MODERN : MIDDLE;
}

/** Every Norwegian given name, for tests. */
export const ALL_NORWEGIAN_GIVEN: NamePool = {
  male: [...new Set([...OLDER.male, ...MIDDLE.male, ...MODERN.male])],
  female: [...new Set([...OLDER.female, ...MIDDLE.female, ...MODERN.female])],
};
