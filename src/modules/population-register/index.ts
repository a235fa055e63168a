export type { Language, PopulationRegister, PostalAddress, RegisteredPerson } from './population-register.js';
export { FilePopulationRegister, RegisterFileError, demoRegisterFile } from './file-population-register.js';
