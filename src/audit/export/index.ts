/** What the CLI (`npm run audit -- export`) and the HTTP endpoint use. */
export { exportCasePackage } from './case-package';
export type { ExportOptions, ExportPackage } from './case-package';
export { writePackageDirectory, zipPackage } from './package-io';
