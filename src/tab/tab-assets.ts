/**
 * The tab's script and stylesheet. The script is bundled from TypeScript (src/tab/browser, with
 * @microsoft/teams-js) by esbuild in memory, once per process, so `npm start` needs no build step;
 * the build starts with the server and the first request waits for it if it has not finished.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../db/paths';

export interface TabAsset {
  readonly body: string;
  readonly contentType: string;
}

export class TabAssets {
  private script: Promise<TabAsset> | null = null;
  private stylesheet: Promise<TabAsset> | null = null;
  private readonly browserDir = path.join(projectRoot(), 'src', 'tab', 'browser');

  /** Starts both builds now, so the first person to open the tab does not wait for them. */
  warm(onError: (error: Error) => void): void {
    this.scriptAsset().catch(onError);
    this.stylesheetAsset().catch(onError);
  }

  scriptAsset(): Promise<TabAsset> {
    this.script ??= this.bundle().catch((error: unknown) => {
      this.script = null; // try again on the next request rather than serve a failure forever
      throw error;
    });
    return this.script;
  }

  stylesheetAsset(): Promise<TabAsset> {
    this.stylesheet ??= readFile(path.join(this.browserDir, 'tab.css'), 'utf8').then(
      (body) => ({ body, contentType: 'text/css; charset=utf-8' }),
      (error: unknown) => {
        this.stylesheet = null;
        throw error;
      },
    );
    return this.stylesheet;
  }

  private async bundle(): Promise<TabAsset> {
    const result = await build({
      entryPoints: [path.join(this.browserDir, 'main.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      // Teams' desktop client is Chromium-based (WebView2); its web client supports the same browsers.
      target: ['chrome100', 'edge100', 'firefox100', 'safari15'],
      minify: true,
      legalComments: 'none',
      logLevel: 'silent',
      absWorkingDir: projectRoot(),
    });
    const output = result.outputFiles[0];
    if (!output) throw new Error('esbuild produced no output for the tab script');
    return { body: output.text, contentType: 'application/javascript; charset=utf-8' };
  }
}
