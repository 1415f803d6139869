// The whole suite once per executor in one parallel run (one template, no idle tail between passes): graphql-jit, the
// default, and graphql-js, the reference.
import base from './jest.config.js';

const { globalSetup, globalTeardown, maxWorkers, workerIdleMemoryLimit, testTimeout, ...project } = base;
const on = (executor) => ({ ...project, displayName: executor, testEnvironmentOptions: { env: { GRAPHQL_EXECUTOR: executor } } });

export default { globalSetup, globalTeardown, maxWorkers, workerIdleMemoryLimit, testTimeout, projects: [on('jit'), on('graphql-js')] };
