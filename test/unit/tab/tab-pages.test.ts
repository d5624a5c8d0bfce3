import { tabAboutHtml, tabPageHeaders, tabPageHtml } from '../../../src/tab/tab-pages';
import { loadConfig } from '../../../src/config/config';

describe('the tab\'s pages', () => {
  const app = loadConfig({ TAB_EXTRA_HOST_ORIGINS: 'http://127.0.0.1:5555' }).app;

  it('carry the settings as a data block that no value can break out of', () => {
    const html = tabPageHtml({ page: 'scorecard', authDisabled: false, extraHostOrigins: ['https://x.test/</script><script>alert(1)</script>'] });
    expect(html).not.toContain('</script><script>alert(1)');
    const json = /<script type="application\/json" id="tab-settings">(.*)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(json)).toEqual({ page: 'scorecard', authDisabled: false, extraHostOrigins: ['https://x.test/</script><script>alert(1)</script>'] });
    expect(html).toContain('<html lang="en-GB"');
    expect(html).toContain('class="skip-link" href="#main"');
  });

  it('are served with a strict policy that lets only Teams (and configured hosts) frame them', () => {
    const headers = tabPageHeaders(app);
    const csp = headers['Content-Security-Policy']!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com .* http:\/\/127\.0\.0\.1:5555/);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(loadConfig({}).app.tabExtraHostOrigins).toEqual([]);
    expect(loadConfig({ TAB_EXTRA_HOST_ORIGINS: ' https://a.test , http://127.0.0.1:8080 ' }).app.tabExtraHostOrigins).toEqual(['https://a.test', 'http://127.0.0.1:8080']);
    expect(() => loadConfig({ TAB_EXTRA_HOST_ORIGINS: 'https://a.test/path' })).toThrow(/TAB_EXTRA_HOST_ORIGINS.*origins such as/);
  });

  it('have an about page with the privacy notice and terms the manifest links to, escaping the contact', () => {
    const html = tabAboutHtml('the Performance Team <performance@fenmarsh.gov.uk>');
    expect(html).toContain('id="privacy"');
    expect(html).toContain('id="terms"');
    expect(html).toContain('the Performance Team &lt;performance@fenmarsh.gov.uk&gt;');
  });
});
