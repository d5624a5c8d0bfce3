/**
 * Runs after each test file (Jest's setupFilesAfterEnv): kills any process tree the file started
 * and did not stop itself, e.g. a server whose start-up outlived a beforeAll's timeout, so no
 * process outlives the file that started it.
 */
import { killAllTrees } from './process-tree';

afterAll(() => {
  killAllTrees();
});
