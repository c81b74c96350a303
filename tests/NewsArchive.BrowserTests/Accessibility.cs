using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace NewsArchive.BrowserTests;

/// <summary>axe-core on the page as it stands (embedded in Deque.AxeCore.Commons and injected: no network).</summary>
public static class Accessibility
{
    /// <summary>The serious and critical violations, one readable line each; fails when axe checked nothing.</summary>
    public static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes); // axe really checked this page, rather than an empty or failed one
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url} [{v.Impact}] {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
    }
}
