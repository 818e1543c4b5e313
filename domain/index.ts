/** The domain registry: the words users say, as data fund staff can read and extend (domain/registry/*.yaml). */
export { checkDomain, loadDomain, shippedDomain, DomainFormatError } from './load.ts';
export { corrected, englishKey, soundAlikeNames } from './compile.ts';
export type { AskTopic, Domain, EnglishWords, FactQuestionWords, Finder, RoleCue, RoleWords } from './compile.ts';
