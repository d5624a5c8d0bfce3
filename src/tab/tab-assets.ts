/**
 * The tab's script and stylesheet. The script is bundled from TypeScript (src/tab/browser, with
 * @microsoft/teams-js) by esbuild with the options in tab-script-build.json. The compiled server
 * (`npm start`, `npm run start:prod`, dist/main.js) carries the bundle and the stylesheet that
 * scripts/build.cjs put in it, so it never runs esbuild nor reads src/ (a production tree or image
 * has none); run from source (tsx, the tests) the script is bundled in memory, once per process,
 * starting with the server, and the first request waits for it if it has not finished.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../db/paths';
import type { BuildOptions } from 'esbuild';
import scriptBuild from './tab-script-build.json';

/** Replaced by the bundle itself when scripts/build.cjs compiles the server; undeclared from source. */
declare const PREBUILT_TAB_SCRIPT: string | undefined;
/** Replaced by tab.css's text when scripts/build.cjs compiles the server; undeclared from source. */
declare const PREBUILT_TAB_STYLESHEET: string | undefined;

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
    this.stylesheet ??= this.stylesheetText().then(
      (body) => ({ body, contentType: 'text/css; charset=utf-8' }),
      (error: unknown) => {
        this.stylesheet = null;
        throw error;
      },
    );
    return this.stylesheet;
  }

  private stylesheetText(): Promise<string> {
    if (typeof PREBUILT_TAB_STYLESHEET === 'string') return Promise.resolve(PREBUILT_TAB_STYLESHEET);
    return readFile(path.join(this.browserDir, 'tab.css'), 'utf8');
  }

  private async bundle(): Promise<TabAsset> {
    const contentType = 'application/javascript; charset=utf-8';
    if (typeof PREBUILT_TAB_SCRIPT === 'string') return { body: PREBUILT_TAB_SCRIPT, contentType };
    const { build } = await import('esbuild');
    // Its targets: Teams' desktop client is Chromium-based (WebView2); its web client supports the same browsers.
    const result = await build({
      ...(scriptBuild as BuildOptions),
      write: false,
      logLevel: 'silent',
      absWorkingDir: projectRoot(),
    });
    const output = result.outputFiles[0];
    if (!output) throw new Error('esbuild produced no output for the tab script');
    return { body: output.text, contentType };
  }
}
