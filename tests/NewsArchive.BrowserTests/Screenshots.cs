using Microsoft.Playwright;
using NewsArchive.Tests;

namespace NewsArchive.BrowserTests;

/// <summary>
/// Full-page PNG captures for people to look at (design review, a bug report), written to artifacts/screenshots/
/// at the repository root, which git ignores. A test names each capture after the page type and the colour scheme.
/// </summary>
public static class Screenshots
{
    public static string Folder => Path.Combine(TestPaths.RepoRoot, "artifacts", "screenshots");

    /// <summary>Saves the page as &lt;name&gt;.png, replacing an older capture; returns the file's path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }
}
