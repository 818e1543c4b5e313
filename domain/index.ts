/** The domain registry: the words users say, as data fund staff can read and extend (domain/*.yaml). */
export { loadDomain, shippedDomain, DomainFormatError } from './load.ts';
export type { AskTopic, Domain, FactQuestionWords } from './compile.ts';
