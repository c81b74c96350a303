using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsArchive.Core.Search;
using NewsArchive.Core.Storage;

namespace NewsArchive.Web.Pages.Articles;

public sealed class ShowModel(RelatedArticles articles) : PageModel
{
    private const int RelatedCount = 5;

    public ArticleDetail Article { get; private set; } = null!;

    public IReadOnlyList<ArticleSummary> Related { get; private set; } = [];

    /// <summary>Only web links are shown as links: a scraped "javascript:" URL must never become one.</summary>
    public Uri? SourceLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await articles.ReadAsync(id, RelatedCount, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Article = found.Article;
        Related = found.Related;
        SourceLink = Uri.TryCreate(Article.Article.SourceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
        return Page();
    }
}
